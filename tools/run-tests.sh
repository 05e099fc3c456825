#!/usr/bin/env bash
# Installs what Kasip needs (Debian 12, as root), builds it, and runs every test: model, export and CLI
# suites, and the UI suite in a virtual X display. meson prints the summary (Ok:/Fail: lines).
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
xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- \
  meson test -C "$builddir" --print-errorlogs --num-processes 2 "$@"
