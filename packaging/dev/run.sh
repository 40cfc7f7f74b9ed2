#!/usr/bin/env bash
# Usage: packaging/dev/run.sh          (from anywhere; JOBS=n to limit the build)
#
# From a fresh checkout to a running db9: installs the Debian packages
# (install-deps.sh, sudo when not root), builds Release into build/release,
# installs the programs into build/release-stage (bin/ holds db9d, db9,
# db9-desktop side by side, as the packages do; kept out of build/release so
# tests that search the build tree never pick up a stale copy), starts db9d in
# the background (it logs to <data dir>/logs/db9d.log), prints how to create a
# database, and starts db9-desktop when there is a display. Running it again
# rebuilds what changed and leaves a running daemon alone (stop it with
# build/release-stage/bin/db9 daemon stop to run a rebuilt one).
set -euo pipefail

repo=$(cd "$(dirname "$0")/../.." && pwd)
build=$repo/build/release
stage=$repo/build/release-stage
jobs=${JOBS:-$(nproc)}

"$repo/packaging/dev/install-deps.sh"

cmake -S "$repo" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DDB9_BUILD_GUI=ON
ninja -C "$build" -j "$jobs" db9-package-contents
cmake --install "$build" --prefix "$stage" >/dev/null
db9=$stage/bin/db9

# `db9 daemon start` runs db9d detached (its own session, so it outlives this
# script) and waits until it answers; it says so if one already runs.
"$db9" daemon start
data_dir=$("$db9" daemon status --output json |
  python3 -c 'import json, sys; print(json.load(sys.stdin)["data_dir"])')
echo "run.sh: db9d log: $data_dir/logs/db9d.log"

cat <<EOF

db9 is running. Create a database and connect to it:
  $db9 create --name mydb --show-secrets   # prints the connection string (postgresql://...)
  psql "<the printed postgresql:// string>"
  $db9 list                     # your databases
  $db9 db status mydb           # its connection details again
  $db9 daemon stop              # stop the daemon
EOF

if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  nohup "$stage/bin/db9-desktop" >>"$build/db9-desktop.log" 2>&1 </dev/null &
  echo "run.sh: started db9-desktop (log: $build/db9-desktop.log)"
else
  echo "run.sh: no display (\$DISPLAY/\$WAYLAND_DISPLAY unset), so db9-desktop was not started."
fi
