#!/bin/sh
# Photographs each main view of db9-desktop against a real db9d:
#   tests/gui/screenshots.sh [BUILD_DIR]     (default build dir: build/desktop)
# Starts db9d on a temporary data directory, free port and private control
# socket, creates two databases (and a table, when the SQL engine answers),
# runs the app under Xvfb once per view and saves the screen as PNGs in
# tests/artifacts/screenshots/; then scene_shots photographs the views that
# need actions first (console result and error, staged edits, a failed
# Apply, the activity charts). Needs xvfb-run (Debian: xvfb) and python3.
set -eu

root=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$root/build/desktop}
case $build in /*) ;; *) build=$root/$build ;; esac
out=$root/tests/artifacts/screenshots
# $DB9D picks another daemon binary, as the QtTest fixture does.
db9d=${DB9D:-$build/daemon/app/db9d}
app=$build/gui/db9-desktop
grab=$build/tests/gui/grab_screen
scenes=$build/tests/gui/scene_shots
# The window's default size; the screen matches it, so a grab is the window.
width=1100
height=700

# Under Xvfb already? Otherwise run this script again inside xvfb-run.
if [ -z "${DB9_SHOTS_INSIDE_XVFB:-}" ]; then
  for f in "$db9d" "$app" "$grab" "$scenes"; do
    [ -x "$f" ] || { echo "screenshots: $f is missing; build db9d, db9-desktop, grab_screen and scene_shots" >&2; exit 1; }
  done
  DB9_SHOTS_INSIDE_XVFB=1 exec xvfb-run -a -s "-screen 0 ${width}x${height}x24" "$0" "$build"
fi

tmp=$(mktemp -d)
daemon_pid=
cleanup() {
  [ -n "$daemon_pid" ] && kill "$daemon_pid" 2>/dev/null && wait "$daemon_pid" 2>/dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT INT TERM

socket=$tmp/control.sock
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$db9d" --data-dir "$tmp/data" --port "$port" --control-socket "$socket" >"$tmp/db9d.log" 2>&1 &
daemon_pid=$!

# One control-API request (docs/control-api.md); prints the response line.
control() {
  python3 - "$socket" "$1" <<'PY'
import json, socket, sys
s = socket.socket(socket.AF_UNIX)
s.connect(sys.argv[1])
s.sendall((sys.argv[2] + "\n").encode())
buf = b""
while not buf.endswith(b"\n"):
    chunk = s.recv(65536)
    if not chunk:
        break
    buf += chunk
print(buf.decode().strip())
PY
}

i=0
until [ -S "$socket" ] && control '{"id":0,"op":"hello"}' >/dev/null 2>&1; do
  i=$((i + 1))
  if [ $i -gt 150 ] || ! kill -0 "$daemon_pid" 2>/dev/null; then
    echo "screenshots: db9d did not come up; its log:" >&2
    cat "$tmp/db9d.log" >&2
    exit 1
  fi
  sleep 0.1
done

control '{"id":1,"op":"db.create","args":{"name":"shop","password":"Sh0p-secret-pw"}}' >/dev/null
control '{"id":2,"op":"db.create","args":{"name":"analytics"}}' >/dev/null
control '{"id":3,"op":"db.create","args":{"name":"blog-dev"}}' >/dev/null
# Tables to browse, if the daemon's SQL engine is there yet (plain VALUES,
# so no set-returning functions are needed).
request=$(python3 - <<'PY'
import json
rows = ", ".join(
    "(%d, 'item %d', %.2f, %s)" % (i, i, i * 1.25, "NULL" if i % 4 == 0 else "'note %d'" % i)
    for i in range(1, 501))
sql = ("CREATE TABLE items (id int PRIMARY KEY, name text NOT NULL, price numeric(10,2), note text); "
       "CREATE INDEX items_name_idx ON items (name); "
       "INSERT INTO items VALUES " + rows + "; "
       "CREATE TABLE customers (id bigint PRIMARY KEY, email text UNIQUE, created_at timestamptz DEFAULT now())")
print(json.dumps({"id": 4, "op": "db.sql", "args": {"name": "shop", "sql": sql}}))
PY
)
control "$request" | grep -q '"ok":true' || echo "screenshots: db.sql failed; the tables view will say why" >&2

mkdir -p "$out"
settings=$tmp/settings.ini

# shot NAME THEME APP-ARGS...: runs the app, waits for it to settle, grabs.
shot() {
  name=$1
  theme=$2
  shift 2
  printf '[daemon]\nstartAtLogin=false\n[ui]\ntheme=%s\n' "$theme" >"$settings"
  "$app" --settings "$settings" "$@" >"$tmp/app.log" 2>&1 &
  app_pid=$!
  sleep 3
  "$grab" "$out/$name.png"
  kill "$app_pid"
  wait "$app_pid" 2>/dev/null || true
  echo "screenshots: $out/$name.png"
}

shot connection system --control-socket "$socket" --database shop --view connection
shot tables system --control-socket "$socket" --database shop --view tables --table items
shot sizes system --control-socket "$socket" --database shop --view sizes
shot connection-dark dark --control-socket "$socket" --database analytics --view connection
shot daemon-down system --control-socket "$tmp/no-daemon.sock"
shot sql system --control-socket "$socket" --database shop --view sql \
  --sql "SELECT name, price FROM items WHERE note IS NULL ORDER BY price DESC LIMIT 10;"
# Scenes that need actions (run, error, staged edits, apply failure, activity).
"$scenes" "$socket" "$out" || echo "screenshots: some scenes failed (see above)" >&2
