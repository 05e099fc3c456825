#!/usr/bin/env bash
# Installs what Kasip needs (Debian 12, as root), builds it, makes the sample workspace from the bundled
# published standard and opens the editor on it.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/install-deps.sh
builddir=${BUILDDIR:-build}
[ -f "$builddir/build.ninja" ] || meson setup "$builddir"
ninja -C "$builddir"
workspace=${1:-$builddir/sample.kasip}
export KASIP_LOCALEDIR="$PWD/$builddir/po"   # translations (kk, ru) of the uninstalled build
export GSETTINGS_SCHEMA_DIR="$PWD/$builddir/data"   # what the editor remembers between sessions
"$builddir/app/kasip" sample "$workspace"
exec "$builddir/app/kasip" "$workspace"
