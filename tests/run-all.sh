#!/usr/bin/env bash
# The README's test command: installs everything the tests need (Debian
# packages, a Python venv from tests/requirements.txt), builds the project in
# Debug with AddressSanitizer and UndefinedBehaviorSanitizer, and runs every
# test on that build: C++ unit and GUI tests (CTest/QtTest), then the Python
# suites (e2e, wire, sql) that drive a real db9d with psql, psycopg 3 and
# SQLAlchemy.
#
#   bash tests/run-all.sh                      the sanitizer build (what CI runs)
#   DB9_TEST_BUILD=release bash tests/run-all.sh   an optimized build instead
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
jobs=${DB9_JOBS:-$(nproc)}

bash packaging/dev/install-deps.sh

if [ ! -x .venv/bin/pytest ] || ! cmp -s tests/requirements.txt .venv/requirements.txt; then
  python3 -m venv .venv
  .venv/bin/pip install --quiet --disable-pip-version-check -r tests/requirements.txt
  cp tests/requirements.txt .venv/requirements.txt
fi

build_and_test() {  # build_and_test DIR CMAKE_ARGS...
  local dir=$1; shift
  cmake -S . -B "$dir" -G Ninja "$@"
  cmake --build "$dir" -j "$jobs"
  # Every suite runs even when an earlier one fails, so one run reports all failures.
  local failed=()
  (cd "$dir" && ctest --output-on-failure -j "$jobs") || failed+=(ctest)
  DB9_BUILD_DIR="$repo/$dir" .venv/bin/pytest -c tests/pytest.ini --rootdir tests -q tests ||
    failed+=(pytest)
  # Pictures of each view of the app, kept by CI as artifacts for people to look at.
  if [ -x "$dir/gui/db9-desktop" ]; then
    bash tests/gui/screenshots.sh "$dir" || failed+=(screenshots)
  fi
  if [ ${#failed[@]} -gt 0 ]; then
    echo "run-all: failed: ${failed[*]}" >&2
    return 1
  fi
}

# Cache hits across checkouts in other folders (CI clones afresh).
export CCACHE_BASEDIR=$repo

if [ "${DB9_TEST_BUILD:-asan}" = release ]; then
  build_and_test build/release -DCMAKE_BUILD_TYPE=Release -DDB9_WERROR=ON
else
  export ASAN_OPTIONS=detect_leaks=0:abort_on_error=1
  export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
  build_and_test build/asan -DCMAKE_BUILD_TYPE=Debug -DDB9_SANITIZE=ON -DDB9_WERROR=ON
fi
