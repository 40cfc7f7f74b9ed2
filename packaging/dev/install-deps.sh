#!/bin/sh
# Usage: packaging/dev/install-deps.sh [--packaging-tests]
#
# Installs every Debian 12 package that building, running and testing db9
# needs (the list is packaging/dev/deps.txt; --packaging-tests adds
# deps-packaging-tests.txt for tests/packaging/). Runs apt-get update first,
# since a fresh Debian machine has no package lists. Uses sudo when not root.
# Idempotent: when every package is already installed it changes nothing and
# returns at once, without touching apt.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
lists="$here/deps.txt"
case "${1:-}" in
  "") ;;
  --packaging-tests) lists="$lists $here/deps-packaging-tests.txt" ;;
  *) echo "usage: $0 [--packaging-tests]" >&2; exit 2 ;;
esac

# Package names, comments and blank lines dropped.
pkgs=$(cat $lists | sed 's/#.*//' | tr -s ' \t' '\n' | sed '/^$/d')

missing=""
for p in $pkgs; do
  status=$(dpkg-query -W -f='${db:Status-Abbrev}' "$p" 2>/dev/null || true)
  case "$status" in ii*) ;; *) missing="$missing $p" ;; esac
done
if [ -z "$missing" ]; then
  echo "install-deps: all $(echo $pkgs | wc -w) packages are installed"
  exit 0
fi
echo "install-deps: installing:$missing"

if [ "$(id -u)" = 0 ]; then
  as_root() { "$@"; }
elif command -v sudo >/dev/null; then
  as_root() { sudo "$@"; }
else
  echo "install-deps: not root and no sudo; run as root: $0 $*" >&2
  exit 1
fi
# `env` because sudo drops DEBIAN_FRONTEND from the environment.
as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q
as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $pkgs
