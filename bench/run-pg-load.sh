#!/bin/bash
# run-pg-load.sh BENCH [ARG…]: the load test of a shared workspace (bench-pg-load.c) on a throw-away server.
#
#   bash bench/run-pg-load.sh build/tests/store/bench-pg-load                      20 clients × 200 edits
#   bash bench/run-pg-load.sh build/tests/store/bench-pg-load --clients 4 --edits 25
#
# Runs itself through tests/store/with-postgres.sh when not already under it (KASIP_TEST_PG_URI unset). Makes
# the database roles as an administrator would (docs/shared-workspace.md): an owner of the workspace's
# database, a group with the privileges on its tables, and one login role per client (load01, load02, …),
# so that each client connects as itself and is the author of its entries; then runs BENCH with the owner's
# address and the clients' (ARG… after them: --clients N, --edits N, --targets N, --seed N, --pause-ms N,
# --outage). BENCH's exit status is the script's.
set -u
here=$(cd "$(dirname "$0")" && pwd)
if [ -z "${KASIP_TEST_PG_URI:-}" ]; then
  export KASIP_PG_BINDIR=${KASIP_PG_BINDIR:-/usr/lib/postgresql/15/bin}
  exec "$here/../tests/store/with-postgres.sh" "$0" "$@"
fi
if [ $# -lt 1 ]; then echo "usage: $0 BENCH [ARG…]" >&2; exit 2; fi
bench=$1; shift

clients=20
args=("$@")
for ((i = 0; i < ${#args[@]}; i++)); do
  if [ "${args[i]}" = --clients ] && [ $((i + 1)) -lt ${#args[@]} ]; then clients=${args[i+1]}; fi
done

db=kasip_load
{
  echo "CREATE ROLE kasip_load_owner LOGIN;"
  echo "CREATE ROLE kasip_load_member NOLOGIN;"
  for ((i = 1; i <= clients; i++)); do printf 'CREATE ROLE load%02d LOGIN IN ROLE kasip_load_member;\n' "$i"; done
} | psql -X -q -v ON_ERROR_STOP=1 -d postgres >/dev/null || { echo "the roles could not be made" >&2; exit 1; }
createdb -O kasip_load_owner "$db" || { echo "createdb failed" >&2; exit 1; }
psql -X -q -v ON_ERROR_STOP=1 "host=$PGHOST dbname=$db user=kasip_load_owner" >/dev/null <<'SQL' \
  || { echo "the privileges could not be given" >&2; exit 1; }
ALTER DEFAULT PRIVILEGES GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO kasip_load_member;
ALTER DEFAULT PRIVILEGES GRANT USAGE, SELECT ON SEQUENCES TO kasip_load_member;
REVOKE ALL ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO kasip_load_member;
SQL

"$bench" --uri "postgresql:///$db?host=$PGHOST&user=kasip_load_owner" \
  --client-uri "postgresql:///$db?host=$PGHOST&user=@USER@" "$@"
