#!/usr/bin/env bash
# Installs every Debian 12 package Kasip needs to build, run and test. Run as root.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
pkgs=(
  build-essential pkg-config meson ninja-build gettext git ca-certificates
  libglib2.0-dev libglib2.0-bin libgtk-4-dev libgtk-4-bin libadwaita-1-dev
  libsqlite3-dev sqlite3 libxml2-dev libxml2-utils libzip-dev
  libpq-dev postgresql-15
  xvfb xauth dbus dbus-daemon dbus-user-session libxtst6
  fonts-dejavu-core fonts-liberation desktop-file-utils
  libreoffice-writer-nogui poppler-utils python3-docx pandoc unzip
)
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
