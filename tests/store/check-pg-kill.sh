#!/bin/bash
# check-pg-kill.sh RUN-PG-LOAD BENCH: the server goes away under the load test and comes back (issue 17).
#
# Run through with-postgres.sh (KASIP_TEST_PG_CTL stops and starts its server). Starts the load test
# (bench/run-pg-load.sh with bench-pg-load --outage: 10 clients, each its own connection and role), stops
# the server mid-run with pg_ctl stop -m immediate, starts it again a second later, and shows that the
# clients were told the connection was lost, connected again and went on, that no acknowledged edit is
# lost (bench-pg-load's check on a new connection: every acknowledged edit in the change log, the stored
# values the log's last) and that the audit chain verifies. TAP.
set -u
if [ $# -ne 2 ]; then echo "usage: $0 RUN-PG-LOAD BENCH" >&2; exit 2; fi
run_load=$1 bench=$2
if [ -z "${KASIP_TEST_PG_CTL:-}" ]; then echo "1..0 # SKIP with-postgres.sh gave no KASIP_TEST_PG_CTL"; exit 0; fi
n=0 fail=0
ok() { n=$((n+1)); if [ "$1" = 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; fail=1; fi; }
# figure NAME: the number after "NAME: " in the load test's output
figure() { sed -n "s/^$1: \([0-9][0-9]*\).*/\1/p" "$out" | head -1; }
out=$(mktemp "${TMPDIR:-/tmp}/kasip-pg-kill-XXXXXX")
pid=
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -f "$out"' EXIT
echo "1..10"

bash "$run_load" "$bench" --outage --clients 10 --edits 150 --pause-ms 10 >"$out" 2>&1 &
pid=$!
for _ in $(seq 1 600); do
  grep -q "^load running" "$out" && break
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.1
done
grep -q "^load running" "$out"; ok $? "the load runs: $(sed -n 's/^load running: //p' "$out")"
sleep 1
kill -0 "$pid" 2>/dev/null; ok $? "… and is still running a second later"
"$KASIP_TEST_PG_CTL" stop >/dev/null 2>&1; ok $? "the server is stopped mid-run (pg_ctl stop -m immediate)"
stopped=$(date +%s%N)
sleep 1
"$KASIP_TEST_PG_CTL" start >/dev/null 2>&1; ok $? "the server is started again, $(( ($(date +%s%N) - stopped) / 1000000 )) ms after it stopped"
wait "$pid"; rc=$?; pid=
sed 's/^/# /' "$out"
[ "$rc" = 0 ]; ok $? "the load test passes after the outage (exit $rc: every check of bench-pg-load)"

errors=$(figure "outage errors")
[ "${errors:-0}" -gt 0 ]; ok $? "clients were told during the outage ($errors errors: $(sed -n 's/^outage errors: [0-9]* //p' "$out"))"
grep -q "^first outage error: .*the connection to the server was lost" "$out"
ok $? "… that the connection to the server was lost: $(sed -n 's/^first outage error: //p' "$out" | sed 's/^[^ ]*: //')"
reconnected=$(figure reconnected)
[ "${reconnected:-0}" -gt 0 ] && grep -q "^reconnected: .*(gave up: 0)" "$out"
ok $? "they connected again and went on ($reconnected times; none gave up)"
[ "$(figure lost)" = 0 ]; ok $? "no acknowledged edit lost ($(figure acknowledged) acknowledged)"
grep -q "^chain verifies: yes" "$out"; ok $? "the audit chain verifies"
exit $fail
