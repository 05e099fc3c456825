#!/bin/sh
# Fails if the given binary links GTK or libadwaita (the model and export libraries must not).
set -eu
bin=$1
libs=$(ldd "$bin")
echo "$libs"
if echo "$libs" | grep -Eq 'libgtk|libadwaita|libgdk'; then
  echo "FAIL: $bin links GTK" >&2
  exit 1
fi
echo "ok: $bin does not link GTK"
