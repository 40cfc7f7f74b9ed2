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

# The user unit, through systemd's own checker. Its bare ExecStart=db9d is
# resolved on systemd's fixed search path (/usr/bin, ...), not $PATH, so the
# checked copy points at the extracted program; MANPATH lets it check that
# the man pages in Documentation= exist.
unit=$root/usr/lib/systemd/user/db9d.service
if [ -f "$unit" ]; then
  mkdir -m 700 "$tmp/runtime"
  grep -q '^ExecStart=db9d$' "$unit" || fail "db9d.service: ExecStart is not 'db9d'"
  sed "s|^ExecStart=db9d$|ExecStart=$root/usr/bin/db9d|" "$unit" >"$tmp/runtime/db9d.service"
  if out=$(MANPATH=$root/usr/share/man XDG_RUNTIME_DIR=$tmp/runtime \
           systemd-analyze verify --user "$tmp/runtime/db9d.service" 2>&1) && [ -z "$out" ]; then
    pass "systemd-analyze verify db9d.service"
  else
    echo "$out"; fail "systemd-analyze verify db9d.service"
  fi
  grep -q '^Type=notify$' "$unit" || fail "db9d.service is not Type=notify"
else
  fail "no systemd user unit"
fi

for completion in usr/share/bash-completion/completions/db9 usr/share/zsh/vendor-completions/_db9 \
                  usr/share/fish/vendor_completions.d/db9.fish; do
  if [ -s "$root/$completion" ]; then pass "$completion"; else fail "$completion missing or empty"; fi
done

[ "$failed" = 0 ] && echo "check_package: all checks passed for $(basename "$deb")"
exit "$failed"
