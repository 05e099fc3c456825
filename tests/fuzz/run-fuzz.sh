#!/bin/bash
# A longer fuzzing run of the importer under AddressSanitizer and UBSan (tests/fuzz/README.md).
#
#   bash tests/fuzz/run-fuzz.sh [--count N] [--seed N] [--kind text|docx|xml|all] [--out DIR] [--build DIR]
#
# Defaults: 20000 inputs, seed 1, all kinds, the ASan build in build-asan (configured here if missing:
# -Dui=disabled -Dbuildtype=debug -Db_sanitize=address,undefined -Db_lundef=false), the defective inputs
# kept in /tmp/kasip-fuzz-findings/seedN (each with a .why file: the input number, its base, its mutations and
# the defect). The input being read is kept there too until it has been read, so after a crash the last
# file left without a "defect" line in its .why is the one that crashed (its name is also the last
# "fuzz-NNNNNN" line printed before the sanitizer's report).
#
# Builds and the run take /tmp/kasip-build.lock (the machine is shared): a build or test elsewhere waits.
# Exit status: 0 no defect, 1 defects (listed at the end), 2 bad usage or set-up, 3 a hang, other: a
# crash or a sanitizer report (see the log).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
count=20000
seed=1
kind=all
out=/tmp/kasip-fuzz-findings
build=$root/build-asan
lock=/tmp/kasip-build.lock

usage() {
  sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'
  exit 2
}

while [ $# -gt 0 ]; do
  case "$1" in
    --count) count=${2:?}; shift 2 ;;
    --seed) seed=${2:?}; shift 2 ;;
    --kind) kind=${2:?}; shift 2 ;;
    --out) out=${2:?}; shift 2 ;;
    --build) build=${2:?}; shift 2 ;;
    -h|--help) usage ;;
    *) echo "run-fuzz.sh: unknown argument $1" >&2; usage ;;
  esac
done

buildlog=$(mktemp /tmp/kasip-fuzz-build.XXXXXX)
if [ ! -f "$build/build.ninja" ]; then
  flock "$lock" meson setup "$build" "$root" -Dui=disabled -Dbuildtype=debug \
    -Db_sanitize=address,undefined -Db_lundef=false >"$buildlog" 2>&1 || { cat "$buildlog"; exit 2; }
fi
if ! flock "$lock" ninja -C "$build" tests/fuzz/ksp-fuzz >"$buildlog" 2>&1; then
  tail -40 "$buildlog"
  echo "run-fuzz.sh: the build failed" >&2
  rm -f "$buildlog"
  exit 2
fi
rm -f "$buildlog"

out=$out/seed$seed
mkdir -p "$out"
log=$out/run-count$count.log
echo "run-fuzz.sh: $count inputs, seed $seed, kind $kind; findings in $out, log in $log"

export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
export G_DEBUG=gc-friendly,fatal-criticals
export LC_ALL=C.UTF-8

start=$(date +%s)
set +e
flock "$lock" "$build/tests/fuzz/ksp-fuzz" --count "$count" --seed "$seed" --kind "$kind" --out "$out" \
  --srcdir "$root" >"$log.out" 2>"$log"
status=$?
set -e
end=$(date +%s)

cat "$log.out" >>"$log"
grep -a -v '^defect: ' "$log.out" || true
grep -a '^defect: ' "$log.out" | head -50 || true
ndef=$(grep -a -c '^defect: ' "$log.out" || true)
[ "$ndef" -gt 50 ] && echo "… and $((ndef - 50)) more defects (see $log)"
rm -f "$log.out"
echo "run-fuzz.sh: exit $status after $((end - start)) s"
case $status in
  0|1) ;;
  3) echo "run-fuzz.sh: a HANG:"; grep -a 'HANG' "$log" | tail -1 ;;
  *) echo "run-fuzz.sh: the fuzzer died (a crash or a sanitizer report); the input being read:"
     grep -a '^fuzz-[0-9]' "$log" | tail -1
     grep -a -m1 -A30 -E '^==[0-9]+==ERROR|runtime error' "$log" || tail -30 "$log" ;;
esac
exit $status
