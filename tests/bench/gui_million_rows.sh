#!/bin/sh
# Times the desktop grid on a table of a million rows (see
# gui_million_rows.cc): opening, scrolling, sorting, filtering.
#   tests/bench/gui_million_rows.sh [BUILD_DIR]   (default: build/desktop)
# Build the gui_million_rows and db9d targets first. DB9D=path picks another
# daemon (a release build gives the figures that matter); ROWS and
# SCROLL_SECONDS change the table size and the scroll time bound.
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$root/build/desktop}
case $build in /*) ;; *) build=$root/$build ;; esac
bench=$build/tests/gui/gui_million_rows
[ -x "$bench" ] || { echo "gui_million_rows: build the gui_million_rows target in $build" >&2; exit 1; }
export DB9D="${DB9D:-$build/daemon/app/db9d}"
# The daemon's log lines go to stderr; the figures to stdout.
QT_QPA_PLATFORM=offscreen exec "$bench" 2>/dev/null
