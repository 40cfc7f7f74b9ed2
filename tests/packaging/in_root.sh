#!/usr/bin/env bash
# Runs as root inside a clean Debian 12 root, started by test_deb.sh through
# shared/tools/fresh-root.sh; not meant to be run by hand on a real machine
# (it adds a user and installs packages). Its directory holds the packages
# under test and test.env (V1, V2: their versions; TARBALL: the portable
# tarball of V1).
#
# What a user and an administrator would do, in order:
#   install V1 with apt (dependencies resolved from Debian) -> both units are
#   installed, db9d.socket is enabled for every user and db9d.service for
#   nobody -> db9d, db9 and db9-desktop all report V1 ->
#   db9d speaks sd_notify READY=1 as Type=notify expects -> the first db9
#   command starts db9d through the socket db9d.socket describes -> a normal
#   user starts the daemon, creates a database, writes a row with psql -> the
#   app comes up -> upgrade to V2 while the daemon runs (enablement as it
#   was) -> restart, the row is still there -> remove keeps and purge drops
#   the global enablement links, the user's data stays, system files go ->
#   reinstall (now through systemctl's preset), the data is usable again ->
#   an administrator's global disable survives an upgrade -> purge -> the
#   portable tarball runs as that
#   user with none of the library packages installed.
set -euo pipefail
cd "$(dirname "$0")"
here=$(pwd)
# shellcheck source=/dev/null
. ./test.env
export DEBIAN_FRONTEND=noninteractive

t0=$SECONDS
step() { echo; echo "=== [$((SECONDS - t0)) s] $*"; }
die() { echo "in_root: FAIL: $*" >&2; exit 1; }

user=alice
home=/home/$user
data_dir=$home/.local/share/db9
# As a desktop session would have it: a private runtime directory.
as_user() {
  runuser -u "$user" -- env -i -C "$home" HOME="$home" USER="$user" LOGNAME="$user" SHELL=/bin/bash \
    PATH=/usr/local/bin:/usr/bin:/bin XDG_RUNTIME_DIR="/run/user/$uid" LANG=C.UTF-8 "$@"
}
sql() { as_user psql "$url" -v ON_ERROR_STOP=1 -X -q -At -c "$1"; }

step "apt-get update"
apt-get update -q >/dev/null

step "install db9-desktop $V1 with apt (dependencies from Debian)"
apt-get install -y -q --no-install-recommends "$here/db9-desktop_${V1}_amd64.deb"
dpkg-query -W -f='${Status} ${Version}\n' db9-desktop | grep -qx "install ok installed $V1" ||
  die "db9-desktop $V1 is not installed"
step "install psql (postgresql-client, which the package suggests)"
apt-get install -y -q --no-install-recommends postgresql-client >/dev/null

# The package's enablement, as `systemctl --global enable` would leave it:
# db9d.socket for every user (its WantedBy=sockets.target link), db9d.service
# (start at login) for nobody. No systemd runs here; the links are the state.
socket_link=/etc/systemd/user/sockets.target.wants/db9d.socket
service_link=/etc/systemd/user/default.target.wants/db9d.service
enabled_as_packaged() {
  [ -L "$socket_link" ] || die "db9d.socket is not enabled globally: no $socket_link"
  # deb-systemd-helper links /lib/systemd/user/..., systemctl /usr/lib/...:
  # the same file on Debian 12's merged /usr.
  [ "$(readlink -f "$socket_link")" = "$(readlink -f /usr/lib/systemd/user/db9d.socket)" ] ||
    die "$socket_link points at '$(readlink "$socket_link")', not the packaged db9d.socket"
  local others
  others=$(find /etc/systemd/user -name 'db9d.*' ! -path "$socket_link")
  [ -z "$others" ] || die "more than db9d.socket is enabled or masked globally: $others"
  echo "enabled for every user: $socket_link -> $(readlink "$socket_link"); db9d.service: not enabled"
}
no_global_links() {
  local left
  left=$(find /etc/systemd/user /var/lib/systemd -name 'db9d.*' 2>/dev/null || true)
  [ -z "$left" ] || die "links or deb-systemd-helper state of db9d units left after purge: $left"
}

step "the user units are installed; db9d.socket is enabled for everyone, db9d.service for nobody"
[ -f /usr/lib/systemd/user/db9d.service ] || die "no /usr/lib/systemd/user/db9d.service"
ls /usr/lib/systemd/user/db9d.*
enabled_as_packaged

useradd --create-home --shell /bin/bash "$user"
uid=$(id -u "$user")
install -d -m 700 -o "$user" -g "$user" "/run/user/$uid"

# versions VERSION: db9d, db9 and db9-desktop each say "<program> VERSION".
versions() {
  local program out
  for program in db9d db9 db9-desktop; do
    out=$(as_user env QT_QPA_PLATFORM=offscreen "$program" --version)
    echo "$program --version: $out"
    [ "$out" = "$program $1" ] || die "$program --version says '$out', not '$program $1'"
  done
}

step "db9d, db9 and db9-desktop report version $V1"
versions "$V1"

step "db9d tells systemd it is ready (Type=notify: READY=1 on \$NOTIFY_SOCKET), stops on SIGTERM"
as_user python3 - <<'EOF'
import os, signal, socket, subprocess, sys, tempfile, time
path = os.path.join(tempfile.mkdtemp(), "notify")
sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
sock.bind(path)
sock.settimeout(30)
daemon = subprocess.Popen(["db9d"], env=dict(os.environ, NOTIFY_SOCKET=path))
try:
    ready = False
    deadline = time.monotonic() + 30
    while not ready and time.monotonic() < deadline:
        message = sock.recv(4096).decode()
        print("notify:", message.replace("\n", " | "))
        ready = "READY=1" in message.split("\n")
    if not ready:
        sys.exit("db9d sent no READY=1 within 30 s")
finally:
    daemon.send_signal(signal.SIGTERM)
    code = daemon.wait(timeout=60)
print("db9d exited with", code, "after SIGTERM")
sys.exit(0 if code == 0 else "db9d did not exit cleanly on SIGTERM")
EOF

step "socket activation as the packaged db9d.socket sets it up: the first db9 command starts db9d"
# No systemd runs in this root; systemd-socket-activate (package systemd, on
# every systemd desktop) does what systemd does for db9d.socket: listens on
# its ListenStream= and starts db9d with that socket on the first connection.
[ -f /usr/lib/systemd/user/db9d.socket ] || die "no /usr/lib/systemd/user/db9d.socket"
apt-get install -y -q --no-install-recommends systemd >/dev/null
listen=$(sed -n 's/^ListenStream=//p' /usr/lib/systemd/user/db9d.socket)
[ "$(wc -l <<<"$listen")" = 1 ] || die "db9d.socket listens on more than the control socket: $listen"
listen=${listen//%t//run/user/$uid}
as_user mkdir -p -m 700 "$(dirname "$listen")"
as_user systemd-socket-activate -l "$listen" -E HOME -E XDG_RUNTIME_DIR -E LANG db9d >activate.log 2>&1 &
activator=$!
for _ in $(seq 50); do [ -S "$listen" ] && break; sleep 0.2; done
[ -S "$listen" ] || die "systemd-socket-activate did not listen on $listen"
as_user db9 list >/dev/null || { cat activate.log; die "db9 list did not start db9d through the socket"; }
status=$(as_user db9 daemon status --output json)
echo "$status"
grep -q '"socket_activated": *true' <<<"$status" || die "db9d does not say it was socket-activated"
as_user db9 daemon stop
wait "$activator" || { cat activate.log; die "socket-activated db9d did not exit cleanly"; }
rm -f "$listen"   # systemd's RemoveOnStop=, when the socket unit stops

step "a normal user starts the daemon and creates a database"
as_user db9 daemon start
as_user db9 daemon status
created=$(as_user db9 create --name demo --show-connection-string --show-password)
echo "$created"
url=$(grep -oE "postgresql://[^[:space:]\"']+" <<<"$created" | head -1)
[ -n "$url" ] || die "db9 create printed no postgresql:// connection string"

step "psql connects with the printed connection string and writes a row"
sql "CREATE TABLE notes (id int PRIMARY KEY, body text)"
sql "INSERT INTO notes VALUES (1, 'written by $V1')"
[ "$(sql "SELECT body FROM notes WHERE id = 1")" = "written by $V1" ] || die "row not read back"

step "db9-desktop from the package comes up (Qt offscreen platform) and keeps running"
rc=0
as_user env QT_QPA_PLATFORM=offscreen timeout 8 db9-desktop >gui.log 2>&1 || rc=$?
cat gui.log
[ "$rc" = 124 ] || die "db9-desktop exited with $rc within 8 s (expected to keep running)"

step "upgrade to $V2 while the user's daemon runs"
apt-get install -y -q --no-install-recommends "$here/db9-desktop_${V2}_amd64.deb" 2>&1 | tee upgrade.log
dpkg-query -W -f='${Version}\n' db9-desktop | grep -qx "$V2" || die "upgrade to $V2 did not happen"
grep -q "db9d daemon(s) still run version $V1" upgrade.log || die "postinst did not mention the running old daemon"
versions "$V2"
enabled_as_packaged

step "restart the daemon: the new version serves the old data"
as_user db9 daemon stop
as_user db9 daemon start
as_user db9 list | tee /dev/stderr | grep -qw demo || die "database demo is gone after the upgrade"
[ "$(sql "SELECT body FROM notes WHERE id = 1")" = "written by $V1" ] || die "row lost in the upgrade"
sql "INSERT INTO notes VALUES (2, 'written by $V2')"
as_user db9 daemon stop

step "remove, then purge: the user's databases stay, system files go"
# An administrator also starts the daemon at login for everyone (systemd,
# installed above, edits the links without running).
systemctl --global enable db9d.service
[ -L "$service_link" ] || die "systemctl --global enable db9d.service made no $service_link"
apt-get remove -y -q db9-desktop >/dev/null
[ ! -e /usr/bin/db9d ] || die "/usr/bin/db9d still there after remove"
[ -d "$data_dir" ] || die "remove deleted $data_dir"
for link in "$socket_link" "$service_link"; do
  [ -L "$link" ] || die "remove (not purge) dropped the global enablement $link"
done
apt-get purge -y -q db9-desktop >/dev/null
[ -d "$data_dir" ] || die "purge deleted $data_dir"
no_global_links
left=$(dpkg-query -W -f='${db:Status-Abbrev}' db9-desktop 2>/dev/null || true)
[ -z "$left" ] || [ "$left" = "un " ] || die "dpkg still knows db9-desktop after purge: '$left'"
[ -z "$(ls -A /usr/share/doc/db9-desktop 2>/dev/null)" ] || die "files left in /usr/share/doc/db9-desktop"

step "reinstall $V2 (systemd installed now: enabled through systemctl --global preset): the kept databases work again"
apt-get install -y -q --no-install-recommends "$here/db9-desktop_${V2}_amd64.deb" >/dev/null
enabled_as_packaged
as_user db9 daemon start
[ "$(sql "SELECT count(*) FROM notes")" = 2 ] || die "rows lost across remove/purge/reinstall"
as_user db9 daemon stop

step "an administrator's systemctl --global disable db9d.socket survives a package upgrade"
systemctl --global disable db9d.socket
apt-get install --reinstall -y -q --no-install-recommends "$here/db9-desktop_${V2}_amd64.deb" >/dev/null
[ ! -e "$socket_link" ] || die "the upgrade enabled db9d.socket again after the administrator disabled it"
apt-get purge -y -q db9-desktop >/dev/null
no_global_links
apt-get autoremove --purge -y -q >/dev/null

step "portable tarball: runs from the user's own directory, no db9 library packages installed"
for lib in libleveldb1d libqt6core6; do
  if dpkg-query -W -f='${db:Status-Abbrev}' "$lib" 2>/dev/null | grep -q '^ii'; then
    die "$lib is still installed; the tarball test would prove nothing"
  fi
done
# As downloaded by the user: a file of theirs (this directory is root's).
install -m 644 -o "$user" -g "$user" "$here/$TARBALL" "$home/$TARBALL"
as_user mkdir -p "$home/apps"
as_user tar -xzf "$home/$TARBALL" -C "$home/apps"
top=$home/apps/${TARBALL%.tar.gz}
for program in db9d db9; do
  [ "$(as_user "$top/bin/$program" --version)" = "$program $V1" ] || die "tarball $program --version is not '$program $V1'"
done
as_user "$top/bin/db9" daemon start
[ "$(sql "SELECT count(*) FROM notes")" = 2 ] || die "tarball daemon does not serve the user's databases"
as_user "$top/bin/db9" daemon stop
# db9-desktop needs the machine's own display, GL, font, D-Bus and GLib
# libraries (never bundled); with just those installed it must come up,
# here on Qt's offscreen platform, and keep running until stopped.
step "portable tarball: db9-desktop starts with only the desktop base libraries installed"
apt-get install -y -q --no-install-recommends libgl1 libopengl0 libegl1 libx11-6 libx11-xcb1 \
  libxcb1 libfontconfig1 libfreetype6 libharfbuzz0b libdbus-1-3 libglib2.0-0 fonts-dejavu-core >/dev/null
if dpkg-query -W -f='${db:Status-Abbrev}' libqt6core6 2>/dev/null | grep -q '^ii'; then
  die "libqt6core6 came with the desktop base libraries; the GUI check would prove nothing"
fi
out=$(as_user env QT_QPA_PLATFORM=offscreen "$top/bin/db9-desktop" --version)
[ "$out" = "db9-desktop $V1" ] || die "tarball db9-desktop --version says '$out', not 'db9-desktop $V1'"
as_user "$top/bin/db9" daemon start
rc=0
as_user env QT_QPA_PLATFORM=offscreen timeout 8 "$top/bin/db9-desktop" >gui.log 2>&1 || rc=$?
cat gui.log
as_user "$top/bin/db9" daemon stop
[ "$rc" = 124 ] || die "db9-desktop from the tarball exited with $rc within 8 s (expected to keep running)"

step "all in-root checks passed"
