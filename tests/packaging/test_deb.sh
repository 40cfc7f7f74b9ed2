#!/usr/bin/env bash
# Usage: tests/packaging/test_deb.sh [--keep-root]      (as root; slow)
#
# Proof of packaging/: builds db9-desktop_<version>_amd64.deb and the portable
# tarball, and a second .deb of the same sources as version <version>+pkgtest1;
# checks the .deb statically (check_package.sh: lintian without errors,
# desktop/AppStream/man/unit validators); then, in a brand-new Debian 12 root
# made by shared/tools/fresh-root.sh, runs in_root.sh: apt install with
# dependencies from Debian, daemon + `db9 create` + psql as a normal user,
# upgrade keeping the data, remove/purge keeping the user's data, and the
# tarball without the library packages.
#
# Needs root (chroot, mounts), Debian's mirror, and ../shared/tools/fresh-root.sh
# beside the repository (or FRESH_ROOT=path). Builds in build/pkgtest/build
# with -j2 (JOBS=n to change); the packages end up in build/pkgtest/out. Exit 0 only if every step passed. Duration: see
# packaging/README.md ("Testing"); most of it is the two Release builds.
set -euo pipefail

repo=$(cd "$(dirname "$0")/../.." && pwd)
fresh_root=${FRESH_ROOT:-$repo/../shared/tools/fresh-root.sh}
work=$repo/build/pkgtest
jobs=${JOBS:-2}
keep=""
case "${1:-}" in
  "") ;;
  --keep-root) keep=--keep ;;
  *) echo "usage: $0 [--keep-root]" >&2; exit 2 ;;
esac
[ "$(id -u)" = 0 ] || { echo "test_deb: must run as root (chroot, mounts)" >&2; exit 2; }
[ -x "$fresh_root" ] || [ -f "$fresh_root" ] || { echo "test_deb: $fresh_root not found (set FRESH_ROOT)" >&2; exit 2; }

# Each step's duration, printed at the end (pass or fail) for packaging/README.md.
t0=$SECONDS
phase="" phase_t0=$SECONDS phases="" stage=""
end_phase() {
  [ -n "$phase" ] && phases+=$(printf '%6d s  %s%s' $((SECONDS - phase_t0)) "$phase" "${1:-}")$'\n'
  phase=""
}
step() {
  end_phase
  phase=$* phase_t0=$SECONDS
  echo; echo "=== test_deb [$((SECONDS - t0)) s] $*"
}
finish() {
  local rc=$?
  [ -z "$stage" ] || rm -rf "$stage"
  if [ "$rc" = 0 ]; then end_phase; else end_phase "  <- FAILED (exit $rc)"; fi
  printf '\n=== test_deb: phase durations\n%s%6d s  total, %s\n' "$phases" $((SECONDS - t0)) \
    "$([ "$rc" = 0 ] && echo "all passed" || echo "FAILED")"
}
trap finish EXIT

step "build and test dependencies"
"$repo/packaging/dev/install-deps.sh" --packaging-tests

# One build directory serves both versions: built and packaged as the
# project's version, then reconfigured with bump-version.cmake, where only
# what includes the generated version header recompiles. CCACHE_BASEDIR
# makes compile commands relative, so ccache serves other checkouts and
# build directories at the same depth too.
export CCACHE_BASEDIR=$repo
build=$work/build
out=$work/out
mkdir -p "$work"
rm -rf "$out"; mkdir -p "$out"

# package GENERATORS [cmake args...]: configure, build what the packages
# contain (Release, with the GUI), run cpack, move the packages to $out.
package() {
  local generators=$1; shift
  cmake -S "$repo" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DDB9_BUILD_GUI=ON \
    -DCMAKE_INSTALL_PREFIX=/usr -DCMAKE_SKIP_INSTALL_ALL_DEPENDENCY=ON "$@" >"$work/configure.log" ||
    { cat "$work/configure.log"; return 1; }
  ninja -C "$build" -j "$jobs" db9-package-contents
  (cd "$build" && rm -f ./*.deb ./*.tar.gz && cpack -G "$generators" >"$work/cpack.log") ||
    { cat "$work/cpack.log"; return 1; }
  mv "$build"/*.deb "$out/"
  if [[ $generators == *TGZ* ]]; then mv "$build"/*.tar.gz "$out/"; fi
}

step "build the project's version and its packages (.deb, tarball)"
package "DEB;TGZ" -UCMAKE_PROJECT_INCLUDE -UDB9_TEST_VERSION
v1=$(sed -n 's/^CMAKE_PROJECT_VERSION:STATIC=//p' "$build/CMakeCache.txt")
v2="$v1+pkgtest1"
step "rebuild the same sources as $v2 and make its .deb"
package DEB -DCMAKE_PROJECT_INCLUDE="$repo/tests/packaging/bump-version.cmake" -DDB9_TEST_VERSION="$v2"

deb1=$out/db9-desktop_${v1}_amd64.deb
deb2=$out/db9-desktop_${v2}_amd64.deb
tarball=db9-desktop-${v1}-linux-$(uname -m).tar.gz
ls -l "$deb1" "$deb2" "$out/$tarball"

step "static checks of the .deb (lintian, validators)"
"$(dirname "$0")/check_package.sh" "$deb1"

step "clean Debian 12 root: install, use, upgrade, remove (in_root.sh)"
stage=$(mktemp -d)
cp "$deb1" "$deb2" "$out/$tarball" "$repo/tests/packaging/in_root.sh" "$stage/"
printf 'V1=%q\nV2=%q\nTARBALL=%q\n' "$v1" "$v2" "$tarball" >"$stage/test.env"
bash "$fresh_root" run "$repo" 'bash /root/shared/in_root.sh' --shared "$stage" --timeout 1800 $keep

