# Loaded by tests/packaging/test_deb.sh through -DCMAKE_PROJECT_INCLUDE, right
# after the root project() call: the same sources built as version
# DB9_TEST_VERSION, a newer package to upgrade to. Everything that shows the
# version (db9/base/version.h, the package) reads PROJECT_VERSION after this.
if(NOT DB9_TEST_VERSION)
  message(FATAL_ERROR "bump-version.cmake needs -DDB9_TEST_VERSION=<version>")
endif()
set(PROJECT_VERSION "${DB9_TEST_VERSION}")
set(CMAKE_PROJECT_VERSION "${DB9_TEST_VERSION}")
set(${PROJECT_NAME}_VERSION "${DB9_TEST_VERSION}")
