#!/usr/bin/env bash
# Usage: tests/packaging/check_package.sh path/to/db9-desktop_<version>_amd64.deb
#
# Static checks of a built .deb, no root needed, ~15 s: the three programs
# are in it, lintian reports no errors, and its desktop entry, AppStream
# metadata, man pages and systemd unit pass their own validators. Needs
# lintian, desktop-file-utils, appstream, groff-base and systemd
# (packaging/dev/install-deps.sh --packaging-tests). test_deb.sh runs it.
set -euo pipefail

deb=${1:?usage: $0 DEB}
[ -f "$deb" ] || { echo "check_package: no such file: $deb" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
dpkg-deb -x "$deb" "$tmp/root"
root=$tmp/root
failed=0
fail() { echo "check_package: FAIL: $*"; failed=1; }
pass() { echo "check_package: ok: $*"; }

for program in db9d db9 db9-desktop; do
  if [ -x "$root/usr/bin/$program" ]; then pass "usr/bin/$program"; else fail "usr/bin/$program missing"; fi
done

# Depends must come from dpkg-shlibdeps: real library packages, not empty.
depends=$(dpkg-deb -f "$deb" Depends)
case "$depends" in
  *libc6*) pass "Depends: $depends" ;;
  *) fail "Depends does not list the shared libraries: '$depends'" ;;
esac
# postinst/postrm enable and disable the user units with deb-systemd-helper --user.
case "$depends" in
  *"init-system-helpers (>= 1.52)"*) pass "Depends: init-system-helpers (>= 1.52) (deb-systemd-helper --user)" ;;
  *) fail "Depends lacks init-system-helpers (>= 1.52), which the maintainer scripts use" ;;
esac

# lintian: errors fail; warnings and infos are listed for the report.
lintian --info --display-info "$deb" >"$tmp/lintian.txt" 2>&1 || true
echo "check_package: lintian summary (count, severity, tag):"
sed -n 's/^\([EWIX]\): [^ ]*: \([^ ]*\).*/\1 \2/p' "$tmp/lintian.txt" | sort | uniq -c | sed 's/^/    /'
if grep -q '^E: ' "$tmp/lintian.txt"; then
  grep '^E: ' "$tmp/lintian.txt"
  fail "lintian reports errors"
else
  pass "lintian: no errors"
fi
# Debian's hardening (root CMakeLists.txt: _FORTIFY_SOURCE, stack protector;
# packaging/CMakeLists.txt: relro, bindnow; PIE is GCC's default).
if grep -E '^[EWIPX]: [^ ]+: hardening-' "$tmp/lintian.txt"; then
  fail "lintian reports missing hardening"
else
  pass "lintian: no hardening-* tags"
fi

for desktop in "$root"/usr/share/applications/*.desktop; do
  [ -e "$desktop" ] || { fail "no desktop entry"; break; }
  if out=$(desktop-file-validate "$desktop" 2>&1) && [ -z "$out" ]; then
    pass "desktop-file-validate $(basename "$desktop")"
  else
    echo "$out"; fail "desktop-file-validate $(basename "$desktop")"
  fi
done

for metainfo in "$root"/usr/share/metainfo/*.metainfo.xml; do
  [ -e "$metainfo" ] || { fail "no AppStream metainfo"; break; }
  if appstreamcli validate --no-net "$metainfo"; then
    pass "appstreamcli validate $(basename "$metainfo")"
  else
    fail "appstreamcli validate $(basename "$metainfo")"
  fi
done

# Every program has a man page, and groff finds nothing to warn about.
for program in db9d db9 db9-desktop; do
  page=$root/usr/share/man/man1/$program.1.gz
  if [ ! -f "$page" ]; then fail "no man page for $program"; continue; fi
  warnings=$(zcat "$page" | LC_ALL=C.UTF-8 groff -man -Tutf8 -ww -z 2>&1 || true)
  if [ -z "$warnings" ]; then pass "man page $program.1"; else echo "$warnings"; fail "man page $program.1 has warnings"; fi
done

# The user units, through systemd's own checker: every unit in
# packaging/systemd must be in the package. The service's bare ExecStart=db9d
# is resolved on systemd's fixed search path (/usr/bin, ...), not $PATH, so
# the checked copies point at the extracted program; they sit in one
# directory so that a .socket finds its .service; MANPATH lets it check that
# the man pages in Documentation= exist.
units=$root/usr/lib/systemd/user
for source in "$(dirname "$0")"/../../packaging/systemd/*.service "$(dirname "$0")"/../../packaging/systemd/*.socket; do
  [ -e "$source" ] || continue
  if [ -f "$units/$(basename "$source")" ]; then pass "unit $(basename "$source") is packaged"
  else fail "packaging/systemd/$(basename "$source") is not in the package"; fi
done
service=$units/db9d.service
if [ -f "$service" ]; then
  mkdir -m 700 "$tmp/runtime"
  grep -Eq '^ExecStart=db9d( |$)' "$service" || fail "db9d.service: ExecStart is not 'db9d'"
  grep -q '^Type=notify$' "$service" || fail "db9d.service is not Type=notify"
  for unit in "$units"/*; do
    sed -E "s#^ExecStart=db9d( |\$)#ExecStart=$root/usr/bin/db9d\1#" "$unit" >"$tmp/runtime/$(basename "$unit")"
  done
  if out=$(cd "$tmp/runtime" && MANPATH=$root/usr/share/man XDG_RUNTIME_DIR=$tmp/runtime \
           systemd-analyze verify --user ./* 2>&1) && [ -z "$out" ]; then
    pass "systemd-analyze verify $(cd "$units" && echo *)"
  else
    echo "$out"; fail "systemd-analyze verify $(cd "$units" && echo *)"
  fi
else
  fail "no systemd user unit db9d.service"
fi

for completion in usr/share/bash-completion/completions/db9 usr/share/zsh/vendor-completions/_db9 \
                  usr/share/fish/vendor_completions.d/db9.fish; do
  if [ -s "$root/$completion" ]; then pass "$completion"; else fail "$completion missing or empty"; fi
done

[ "$failed" = 0 ] && echo "check_package: all checks passed for $(basename "$deb")"
exit "$failed"
