#!/bin/bash
# run-pg-figures.sh BENCH [ARG…]: the figures of a shared workspace (bench-pg-figures.c) on a throw-away
# server, with a SQLite file as the peer.
#
#   bash bench/run-pg-figures.sh build/bench/bench-pg-figures                 30 cards, 1 000 standards, 200 edits
#   bash bench/run-pg-figures.sh build/bench/bench-pg-figures --runs 10 --edits 50
#
# Runs itself through tests/store/with-postgres.sh when not already under it (KASIP_TEST_PG_URI unset), makes
# two empty databases on that server (kasip_fig_open for the 30-card standard and its edits, kasip_fig_list
# for the 1 000 standards) and runs BENCH with their addresses over the server's Unix socket and seed 000 as
# the document, the server's statistics made (ANALYZE) once they are filled (ARG… after them: --document FILE, --cards N, --runs N, --standards N, --edits N, --visible N,
# --visible-sqlite N, --sqlite-dir DIR). BENCH's exit status is the script's.
set -u
here=$(cd "$(dirname "$0")" && pwd)
if [ -z "${KASIP_TEST_PG_URI:-}" ]; then
  export KASIP_PG_BINDIR=${KASIP_PG_BINDIR:-/usr/lib/postgresql/15/bin}
  exec "$here/../tests/store/with-postgres.sh" "$0" "$@"
fi
if [ $# -lt 1 ]; then echo "usage: $0 BENCH [ARG…]" >&2; exit 2; fi
bench=$1; shift

for db in kasip_fig_open kasip_fig_list; do
  createdb "$db" || { echo "createdb $db failed" >&2; exit 1; }
done
echo "server: $(postgres --version), fsync=$(psql -X -A -t -d kasip_fig_open -c 'SHOW fsync'), socket $PGHOST"
"$bench" --pg-open "postgresql:///kasip_fig_open?host=$PGHOST" --pg-list "postgresql:///kasip_fig_list?host=$PGHOST" \
  --document "$here/../data/samples/000_2b67e049b4513cfa.txt" \
  --analyze-command "sh -c 'psql -X -q -d kasip_fig_open -c ANALYZE && psql -X -q -d kasip_fig_list -c ANALYZE'" "$@"
