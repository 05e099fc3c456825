#!/usr/bin/env bash
# Installs what Kasip needs (Debian 12, as root), builds it, and runs every test:
#  1. the model, export, CLI and UI suites, the UI ones in a virtual X display;
#  2. the model, export (importer) and CLI suites again, built with AddressSanitizer and UBSan.
# meson prints the summary of each run (Ok:/Fail: lines).
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/install-deps.sh

builddir=${BUILDDIR:-build}
if [ -f "$builddir/build.ninja" ]; then
  meson setup --reconfigure "$builddir" >/dev/null
else
  meson setup "$builddir"
fi
ninja -C "$builddir"
export GDK_BACKEND=x11 GSK_RENDERER=cairo GTK_A11Y=test GSETTINGS_BACKEND=memory NO_AT_BRIDGE=1
echo "== all suites (UI under Xvfb) =="
xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- \
  meson test -C "$builddir" --print-errorlogs --num-processes 2 "$@"

asandir=${ASANDIR:-build-asan}
if [ ! -f "$asandir/build.ninja" ]; then
  meson setup "$asandir" -Dui=disabled -Dbuildtype=debug -Db_sanitize=address,undefined -Db_lundef=false
fi
ninja -C "$asandir"
echo "== model, importer, CLI and the store (SQLite and a PostgreSQL server) under AddressSanitizer and UBSan =="
ASAN_OPTIONS=detect_leaks=1:fast_unwind_on_malloc=0:abort_on_error=1 \
UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  meson test -C "$asandir" --print-errorlogs --num-processes 2 --suite model --suite export --suite cli --suite store
