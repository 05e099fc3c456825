#!/bin/bash
# Roles enforced by the server (PostgreSQL format 2, docs/shared-workspace.md): a workspace database owned by
# kasip_owner, members as login roles of the group kasip_member, each connecting as themselves. Shows, with
# psql behind Kasip's back and with kasip, that the server refuses what a role may not do and that who you
# are is the database role. Run through with-postgres.sh (PGHOST: the server's socket folder; the server
# trusts local connections, so a role connects by naming itself). TAP.
set -u
kasip=$1
n=0 fail=0
ok() { n=$((n+1)); if [ "$1" = 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; fail=1; fi; }
# expect TEXT OUTPUT DESCRIPTION: OUTPUT holds TEXT
expect() { if grep -qF -- "$1" <<<"$2"; then ok 0 "$3"; else ok 1 "$3"; sed 's/^/#   /' <<<"$2"; fi; }
echo "1..58"

db=kasip_roles
uri() { echo "postgresql:///$db?host=$PGHOST&user=$1"; }
# as ROLE SQL: psql as a login role; prints the rows (tab-separated) or the server's error
as() { psql -X -q -A -t -F $'\t' -v ON_ERROR_STOP=1 "host=$PGHOST dbname=$db user=$1" -c "$2" 2>&1; }

# The administrator's set-up (docs/shared-workspace.md): the owner, the group, the members.
psql -X -q -v ON_ERROR_STOP=1 -d kasip_test >/dev/null <<'SQL' || { echo "Bail out! the roles could not be made"; exit 1; }
CREATE ROLE kasip_owner LOGIN;
CREATE ROLE kasip_member NOLOGIN;
CREATE ROLE aigerim LOGIN IN ROLE kasip_member;
CREATE ROLE dana LOGIN IN ROLE kasip_member;
CREATE ROLE ruslan LOGIN IN ROLE kasip_member;
CREATE ROLE pavel LOGIN IN ROLE kasip_member;
SQL
createdb -O kasip_owner "$db" || { echo "Bail out! createdb failed"; exit 1; }
as kasip_owner "ALTER DEFAULT PRIVILEGES GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO kasip_member;
                ALTER DEFAULT PRIVILEGES GRANT USAGE, SELECT ON SEQUENCES TO kasip_member;
                REVOKE ALL ON SCHEMA public FROM PUBLIC; GRANT USAGE ON SCHEMA public TO kasip_member;" >/dev/null

# The owner makes the workspace (format 2) with the sample; nobody holds a role yet.
out=$("$kasip" sample "$(uri kasip_owner)" 2>&1)
expect "sample workspace ready" "$out" "the owner makes the workspace"
expect "2" "$(as dana "SELECT value FROM meta WHERE key = 'format'")" "format 2"
card=$("$kasip" show -w "$(uri dana)" -s Q88100061 --ids 2>&1 | awk -F'\t' '/card: / {print $1; exit}')
[ -n "$card" ]; ok $? "a member reads the workspace (a card's ID: $card)"
# the value of the card's Kazakh profession name, read with psql
value_sql="SELECT v.text FROM value v JOIN node n ON n.nid = v.node JOIN tree t ON t.id = n.tree_id
           WHERE t.is_draft AND n.id = '$card' AND v.field = 'profession_name' AND v.lang = 'kk'"

# A workspace of one: a member edits before anyone holds a role, and is the author.
out=$("$kasip" set -w "$(uri dana)" -s Q88100061 --element "$card" --field profession_name --lang kk --value "Бірінші" 2>&1)
expect "Бірінші" "$(as dana "$value_sql")" "a workspace of one: a member sets a value (read back with psql: $out)"
# the first person given roles is an administrator, also through psql
out=$(as dana "INSERT INTO person (account, display_name, roles, created_at) VALUES ('dana', 'Dana', 'drafter', 'now')")
expect "the first person given roles is an administrator" "$out" "psql: the first person given roles without admin refused"

# Who you are is the database role: --as and $KASIP_USER are refused on a server.
out=$("$kasip" --as ruslan list -w "$(uri dana)" 2>&1); rc=$?
[ $rc = 1 ]; ok $? "kasip --as ruslan refused (exit $rc)"
expect "this workspace knows who you are; working as “ruslan” is only for workspace files" "$out" "… saying why"
out=$(KASIP_USER=ruslan "$kasip" set -w "$(uri dana)" -s Q88100061 --element "$card" --field profession_name --lang kk \
  --value "Руслан" 2>&1)
expect "working as “ruslan” is only for workspace files" "$out" "KASIP_USER=ruslan refused too"
expect "Бірінші" "$(as dana "$value_sql")" "… and nothing was written"

# The owner records the administrator (the first, so made one), who records the others.
out=$("$kasip" people -w "$(uri kasip_owner)" --add aigerim --roles admin --name "Айгерим" 2>&1)
expect "aigerim" "$out" "the owner records the administrator"
for p in "dana drafter,reviewer Дана" "ruslan reviewer Руслан" "pavel publisher Павел"; do
  set -- $p
  "$kasip" people -w "$(uri aigerim)" --add "$1" --roles "$2" --name "$3" >/dev/null 2>&1
done
expect $'aigerim\tadmin
dana\tdrafter,reviewer
pavel\tpublisher
ruslan\treviewer' "$(as dana "SELECT account, roles FROM person ORDER BY account")" "the administrator records the others (read back)"

# A person cannot give themselves roles; only an administrator records people.
out=$(as dana "UPDATE person SET roles = 'drafter,admin' WHERE account = 'dana'")
expect "dana may not record people and their roles: that needs the admin role" "$out" "psql: a drafter giving themselves admin refused"
out=$(as ruslan "INSERT INTO person (account, display_name, roles, created_at) VALUES ('mallory', 'M', 'admin', 'now')")
expect "ruslan may not record people and their roles" "$out" "psql: a reviewer recording a person refused"
out=$(as dana "DELETE FROM person WHERE account = 'ruslan'")
expect "dana may not record people and their roles" "$out" "psql: a drafter removing a person refused"
out=$("$kasip" people -w "$(uri dana)" --add mallory --roles reviewer 2>&1)
expect "dana is not an administrator in this workspace" "$out" "kasip people --add by a drafter refused"
[ "$(as dana "SELECT count(*) FROM person WHERE account = 'mallory'")" = 0 ]; ok $? "… no mallory recorded"
out=$(as dana "UPDATE person SET display_name = 'Дана Ахметова' WHERE account = 'dana'")
expect "Дана Ахметова	drafter,reviewer" "$(as dana "SELECT display_name, roles FROM person WHERE account = 'dana'")" \
  "psql: one's own name is one's own to change ($out)"

# The drafter edits; the author in the log is the database role.
out=$("$kasip" set -w "$(uri dana)" -s Q88100061 --element "$card" --field profession_name --lang kk \
  --value "Жеке көмекші (Дана)" 2>&1)
expect "Жеке көмекші (Дана)" "$(as ruslan "$value_sql")" "the drafter sets a value (read back with psql)"
out=$("$kasip" audit -w "$(uri ruslan)" -s Q88100061 2>&1)
expect $'\tdana\tdo\tset-value' "$(grep -B1 "→ «Жеке көмекші (Дана)»" <<<"$out" | head -1)" \
  "kasip audit names the database role dana as the author"
expect "dana" "$(as ruslan "SELECT author FROM log ORDER BY id DESC LIMIT 1")" "… as the log's row does"

# A reviewer cannot change the draft, with kasip or behind its back.
out=$(as ruslan "UPDATE value SET text = 'Рецензент' WHERE node = (SELECT n.nid FROM node n JOIN tree t ON t.id = n.tree_id
                 WHERE t.is_draft AND n.id = '$card') AND field = 'profession_name' AND lang = 'kk'")
expect "ruslan may not change the draft: that needs the drafter role" "$out" "psql: a reviewer's UPDATE value refused by the server"
out=$(as ruslan "DELETE FROM node WHERE id = '$card'")
expect "ruslan may not change the draft: that needs the drafter role" "$out" "psql: a reviewer's DELETE FROM node refused"
expect "Жеке көмекші (Дана)" "$(as ruslan "$value_sql")" "… the value is as the drafter left it"
out=$(as dana "INSERT INTO log (standard_id, tree_id, at, author, action, command, prev_hash, hash)
               VALUES ('x', 1, 'now', 'ruslan', 'edit', 'set', 'a', 'b')")
expect "dana may not record a change in the name of ruslan: the author is the database role" "$out" \
  "psql: a log entry in another's name refused"

# A temporary table of one's own does not stand in for the workspace's people (the functions' search_path).
out=$(psql -X -q -v ON_ERROR_STOP=1 "host=$PGHOST dbname=$db user=ruslan" 2>&1 <<SQL
CREATE TEMP TABLE person (account text, display_name text, roles text, created_at text);
INSERT INTO person VALUES ('ruslan', 'R', 'drafter,admin', 'now');
UPDATE value SET text = 'Рецензент' WHERE node = (SELECT n.nid FROM node n JOIN tree t ON t.id = n.tree_id
  WHERE t.is_draft AND n.id = '$card') AND field = 'profession_name' AND lang = 'kk';
SQL
)
expect "ruslan may not change the draft" "$out" "psql: a temporary table person of the reviewer's does not make them a drafter"
# What the workspace is stays the owner's: its standards (with their editions), its format.
out=$(as aigerim "DELETE FROM standard")
expect "aigerim may not change or remove standard" "$out" "psql: the administrator removing a standard refused"
expect "only the workspace's owner does" "$out" "… only the owner does"
out=$(as aigerim "UPDATE meta SET value = '1' WHERE key = 'format'")
expect "aigerim may not change what the workspace is: only its owner does (format)" "$out" "psql: a member changing the format refused"

# Comments: anyone comments in their own name; resolving another's is a reviewer's.
out=$("$kasip" review comment -w "$(uri pavel)" -s Q88100061 --element "$card" --text "Атауын тексеру керек" 2>&1)
expect "pavel" "$(as dana "SELECT author FROM comment WHERE text = 'Атауын тексеру керек'")" "a publisher comments (read back)"
out=$(as dana "INSERT INTO comment (standard_id, element_id, author, text, created_at)
               SELECT standard_id, element_id, 'ruslan', 'от имени Руслана', 'now' FROM comment LIMIT 1")
expect "dana may not comment in the name of ruslan" "$out" "psql: a comment in another's name refused"
out=$(as pavel "UPDATE comment SET text = 'переписано'")
expect "pavel may not change comment" "$out" "psql: rewriting a comment refused"

# The log: nobody updates or deletes its rows, the owner and the administrator included.
expect "the change log cannot be changed" "$(as aigerim "UPDATE log SET author = 'aigerim'")" "psql: the administrator's UPDATE log refused"
expect "the change log cannot be changed" "$(as kasip_owner "DELETE FROM log_record")" "psql: the owner's DELETE FROM log_record refused"
expect "the change log cannot be changed" "$(as dana "DELETE FROM log WHERE author = 'dana'")" "psql: the drafter's DELETE FROM log refused"

# Review: the author cannot approve their own change set, even through psql; the reviewer can.
cs=$(as dana "SELECT id FROM change_set WHERE author = 'dana' AND status = 'open' ORDER BY id LIMIT 1")
out=$("$kasip" review submit -w "$(uri dana)" --change-set "$cs" --title "Атауы" 2>&1)
expect "submitted" "$(as dana "SELECT status FROM change_set WHERE id = $cs")" "the drafter submits change set $cs"
out=$("$kasip" review approve -w "$(uri dana)" --change-set "$cs" 2>&1)
expect "submitted" "$(as dana "SELECT status FROM change_set WHERE id = $cs")" "kasip: the author (a reviewer too) cannot approve it ($out)"
out=$(as dana "UPDATE change_set SET status = 'approved', reviewer = 'dana' WHERE id = $cs")
expect "dana may not approve or reject change set $cs: nobody reviews a change set they authored" "$out" \
  "psql: the author approving their own change set refused by the server"
out=$(as ruslan "UPDATE change_set SET status = 'approved', reviewer = 'aigerim' WHERE id = $cs")
expect "ruslan may not record aigerim as the reviewer of change set $cs" "$out" "psql: a reviewer approving in another's name refused"
out=$(as pavel "UPDATE change_set SET status = 'approved', reviewer = 'pavel' WHERE id = $cs")
expect "pavel may not approve or reject a change set: that needs the reviewer role" "$out" "psql: a publisher approving refused"
out=$("$kasip" review approve -w "$(uri ruslan)" --change-set "$cs" 2>&1)
expect $'approved\truslan' "$(as dana "SELECT status, reviewer FROM change_set WHERE id = $cs")" "kasip review approve by the reviewer (read back)"

# The rest of the review cycle as members, each step by the role it needs: the server lets Kasip's own
# steps through (split, merge, reject with a reason, revert, justify) and refuses a justification by a reviewer.
card2=$("$kasip" show -w "$(uri dana)" -s Q88100061 --ids 2>&1 | awk -F'\t' '/card: / {print $1}' | sed -n 2p)
"$kasip" set -w "$(uri dana)" -s Q88100061 --element "$card" --field profession_name --lang kk --value "Екінші нұсқа" >/dev/null 2>&1
"$kasip" set -w "$(uri dana)" -s Q88100061 --element "$card2" --field profession_name --lang kk --value "Үшінші" >/dev/null 2>&1
cs2=$(as dana "SELECT id FROM change_set WHERE author = 'dana' AND status = 'open' ORDER BY id LIMIT 1")
out=$("$kasip" review split -w "$(uri dana)" --change-set "$cs2" --element "$card2" --title "Екінші карта" 2>&1)
cs3=$(as dana "SELECT id FROM change_set WHERE title = 'Екінші карта'")
expect $'open	2' "$(as dana "SELECT min(status), count(*) FROM change_set WHERE id IN ($cs2, ${cs3:-0}) AND status = 'open'")" \
  "the drafter splits change set $cs2 (into ${cs3:-none}: $(head -1 <<<"$out"))"
out=$("$kasip" review merge -w "$(uri dana)" --change-set "${cs3:-0}" --into "$cs2" 2>&1)
expect "merged" "$(as dana "SELECT status FROM change_set WHERE id = ${cs3:-0}")" "… merges it back"
"$kasip" review submit -w "$(uri dana)" --change-set "$cs2" >/dev/null 2>&1
out=$("$kasip" review reject -w "$(uri ruslan)" --change-set "$cs2" --reason "Қайта қарау" 2>&1)
expect $'rejected	ruslan	Қайта қарау' "$(as dana "SELECT status, reviewer, reason FROM change_set WHERE id = $cs2")" \
  "the reviewer rejects it with a reason"
key=$("$kasip" review show -w "$(uri dana)" --change-set "$cs2" --json 2>/dev/null |
      python3 -c 'import json, sys; print(json.load(sys.stdin)["changes"][0]["key"])' 2>/dev/null)
out=$("$kasip" justify -w "$(uri dana)" -s Q88100061 --change "$key" --lang ru --text "Уточнено наименование" 2>&1)
expect $'dana\tУточнено наименование' "$(as ruslan "SELECT author, text FROM justification")" "the drafter justifies a change ($out)"
out=$("$kasip" justify -w "$(uri ruslan)" -s Q88100061 --change "$key" --lang ru --text "от рецензента" 2>&1)
expect "ruslan may not justify a change: that needs the drafter role" "$out" "… a reviewer's justification refused by the server"
out=$("$kasip" review revert -w "$(uri dana)" --change-set "$cs2" 2>&1)
expect "reverted" "$(as dana "SELECT status FROM change_set WHERE id = $cs2")" "the drafter reverts the rejected change set"
expect "Жеке көмекші (Дана)" "$(as ruslan "$value_sql")" "… the value is as before it (read back with psql)"
cs4=$(as dana "SELECT id FROM change_set WHERE author = 'dana' AND status = 'open' ORDER BY id LIMIT 1")
"$kasip" review submit -w "$(uri dana)" --change-set "$cs4" >/dev/null 2>&1
out=$("$kasip" review approve -w "$(uri ruslan)" --change-set "$cs4" 2>&1)
expect "approved" "$(as dana "SELECT status FROM change_set WHERE id = ${cs4:-0}")" "the revert's own change set $cs4 submitted and approved"

# Editions: the publisher freezes; nobody changes a frozen edition.
out=$(as dana "INSERT INTO tree (standard_id, is_draft, created_at, created_by) SELECT standard_id, false, 'now', 'dana'
               FROM tree WHERE is_draft LIMIT 1")
expect "dana may not make an edition: that needs the publisher role" "$out" "psql: a drafter making an edition refused"
out=$("$kasip" edition -w "$(uri pavel)" -s Q88100061 --act "приказ от 30.04.2024 № 125" --date 2024-04-30 2>&1)
expect "pavel" "$(as dana "SELECT created_by FROM tree WHERE NOT is_draft AND frozen")" "the publisher freezes an edition ($out)"
expect $'published\t2' "$(as dana "SELECT status, count(*) FROM change_set WHERE status IN ('approved', 'published') GROUP BY status ORDER BY status")" \
  "… the approved change sets published"
out=$(as aigerim "UPDATE value SET text = 'x' WHERE node IN (SELECT n.nid FROM node n JOIN tree t ON t.id = n.tree_id WHERE t.frozen)")
expect "edition is immutable" "$out" "psql: the administrator changing a frozen edition refused"

# An older workspace is upgraded by its owner only (a newer Kasip migrates on open). Format 1 is format 2
# without what migration 2 made: taken away here by the owner, the workspace is as format 1 made it.
as kasip_owner "DO \$\$ DECLARE t record; BEGIN
  FOR t IN SELECT tgname, tgrelid::regclass AS tab FROM pg_trigger WHERE NOT tgisinternal AND tgfoid IN
    (SELECT oid FROM pg_proc WHERE proname IN ('ksp_node_role', 'ksp_value_role', 'ksp_tree_role', 'ksp_standard_role',
     'ksp_meta_role', 'ksp_log_author', 'ksp_person_role', 'ksp_change_set_role', 'ksp_change_set_member_role',
     'ksp_comment_role', 'ksp_drafter_role')) LOOP
    EXECUTE format('DROP TRIGGER %I ON %s', t.tgname, t.tab);
  END LOOP; END \$\$;
  DROP FUNCTION ksp_node_role(), ksp_value_role(), ksp_tree_role(), ksp_standard_role(), ksp_meta_role(),
    ksp_log_author(), ksp_person_role(), ksp_change_set_role(), ksp_change_set_member_role(), ksp_comment_role(),
    ksp_drafter_role(), ksp_content_check(boolean[]), ksp_require_role(text, text), ksp_has_role(text),
    ksp_review_set_up(), ksp_is_owner(), ksp_roles_parse(text);
  ALTER FUNCTION ksp_tree_frozen() RESET search_path; ALTER FUNCTION ksp_node_frozen() RESET search_path;
  ALTER FUNCTION ksp_value_frozen() RESET search_path; ALTER FUNCTION ksp_no_truncate() RESET search_path;
  ALTER FUNCTION ksp_log_immutable() RESET search_path;
  UPDATE meta SET value = '1' WHERE key = 'format'" >/dev/null
expect "0" "$(as dana "SELECT count(*) FROM pg_proc WHERE proname LIKE 'ksp_%role%'")" "a format-1 workspace: no role checks"
out=$("$kasip" set -w "$(uri dana)" -s Q88100061 --element "$card" --field profession_name --lang kk --value "x" 2>&1)
expect "workspace format 1 must be upgraded to 2 by its owner, the database role kasip_owner (open it once with this Kasip as that role); dana cannot" \
  "$out" "a member opening an older format is told who upgrades it"
out=$("$kasip" new "$(uri kasip_owner)" 2>&1)
expect "2" "$(as dana "SELECT value FROM meta WHERE key = 'format'")" "the owner's kasip new upgrades it to format 2 ($out)"
out=$(as ruslan "UPDATE value SET text = 'x' WHERE node IN (SELECT n.nid FROM node n JOIN tree t ON t.id = n.tree_id
                 WHERE t.is_draft AND n.id = '$card')")
expect "ruslan may not change the draft: that needs the drafter role" "$out" "… and the server enforces the roles again"

# The chain holds, read by a member; an owner's tampering with the role checks is found.
out=$("$kasip" audit verify -w "$(uri ruslan)" 2>&1)
expect "the protections in place" "$out" "kasip audit verify by a member"
as kasip_owner "CREATE OR REPLACE FUNCTION ksp_has_role(wanted text) RETURNS boolean LANGUAGE sql AS 'SELECT true'" >/dev/null
out=$("$kasip" audit verify -w "$(uri ruslan)" 2>&1)
expect "function ksp_has_role is not as Kasip made it" "$out" "a rewritten ksp_has_role found by audit verify"
exit $fail
