#!/bin/bash
# with-postgres.sh CMD [ARG…]: runs CMD against a throw-away PostgreSQL server.
#
# Makes a temporary folder, runs initdb and pg_ctl there (the binaries of $KASIP_PG_BINDIR, by default
# /usr/lib/postgresql/15/bin) as the postgres user when run as root (initdb refuses root), else as the user
# running it; the server listens on a Unix socket in that folder only (no TCP). Creates a database, then
# runs CMD with
#   KASIP_TEST_PG_URI              postgresql:///kasip_test?host=DIR   (that database)
#   KASIP_TEST_STORE_URI_TEMPLATE  postgresql:///@DB@?host=DIR         (the contract suite makes @DB@ per test)
#   PGHOST=DIR, PGUSER, PATH with the binaries first (createdb, dropdb, psql for the tests)
#   KASIP_TEST_PG_DATA             the server's data folder (DIR/data)
#   KASIP_TEST_PG_CTL              a command that stops and starts that server as the user it runs as, for
#                                  outage tests: "$KASIP_TEST_PG_CTL stop" (pg_ctl stop -m immediate), "start"
#                                  (as it was started, waiting until it takes connections), "status"
# and stops the server and removes the folder at the end, also when CMD or the start fails (trap). CMD's
# exit status is the script's. Without the binaries it prints a TAP skip and exits 0.
set -u
bindir=${KASIP_PG_BINDIR:-/usr/lib/postgresql/15/bin}
if [ $# -eq 0 ]; then echo "usage: $0 CMD [ARG…]" >&2; exit 2; fi
if [ ! -x "$bindir/initdb" ] || [ ! -x "$bindir/pg_ctl" ]; then
  echo "1..0 # SKIP no PostgreSQL server binaries in $bindir (Debian: apt-get install postgresql-15)"
  exit 0
fi

dir=$(mktemp -d "${TMPDIR:-/tmp}/kasip-pg-XXXXXX") || exit 1
if [ "$(id -u)" = 0 ]; then
  pguser=postgres
  if ! id "$pguser" >/dev/null 2>&1; then echo "Bail out! no postgres user to run the server as" ; rm -rf "$dir"; exit 1; fi
  chown "$pguser" "$dir"
  as_pg() { runuser -u "$pguser" -- "$@"; }
else
  pguser=$(id -un)
  as_pg() { "$@"; }
fi
chmod 700 "$dir"
started=0
cleanup() {
  if [ $started = 1 ]; then as_pg "$bindir/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1; fi
  rm -rf "$dir"
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP

# What goes wrong while starting is said on stderr (TAP readers ignore it), with the server's log.
fail() {
  echo "Bail out! $1" 
  [ -f "$dir/log" ] && sed 's/^/# /' "$dir/log" >&2
  exit 1
}
as_pg "$bindir/initdb" -D "$dir/data" -U "$pguser" -A trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
  || { cat "$dir/initdb.log" >&2; fail "initdb failed"; }
started=1
server_options="-c listen_addresses='' -c unix_socket_directories='$dir' -c fsync=off -c max_connections=60"
as_pg "$bindir/pg_ctl" -D "$dir/data" -l "$dir/log" -w -t 60 -o "$server_options" start >/dev/null \
  || fail "the server did not start"
# the stop and start of an outage test (KASIP_TEST_PG_CTL): the same pg_ctl, data folder, options and user
if [ "$(id -u)" = 0 ]; then run_as="runuser -u $pguser --"; else run_as=""; fi
cat >"$dir/pg-ctl" <<END
#!/bin/sh
case "\$1" in
  stop) exec $run_as "$bindir/pg_ctl" -D "$dir/data" -m immediate -w stop ;;
  start) exec $run_as "$bindir/pg_ctl" -D "$dir/data" -l "$dir/log" -w -t 60 -o "$server_options" start ;;
  status) exec $run_as "$bindir/pg_ctl" -D "$dir/data" status ;;
  *) echo "usage: \$0 stop|start|status" >&2; exit 2 ;;
esac
END
chmod 755 "$dir/pg-ctl"
as_pg "$bindir/createdb" -h "$dir" -U "$pguser" kasip_test || fail "createdb failed"

export PGHOST="$dir" PGUSER="$pguser" PATH="$bindir:$PATH"
export KASIP_TEST_PG_URI="postgresql:///kasip_test?host=$dir"
export KASIP_TEST_STORE_URI_TEMPLATE="postgresql:///@DB@?host=$dir"
export KASIP_TEST_PG_DATA="$dir/data" KASIP_TEST_PG_CTL="$dir/pg-ctl"
"$@"
