# CPack settings for the .deb and the portable tarball (included from
# packaging/CMakeLists.txt). Everything a package says about itself is here.

set(CPACK_PACKAGE_NAME "db9-desktop")
set(CPACK_PACKAGE_VENDOR "db9")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_CONTACT "${DB9_PACKAGE_MAINTAINER}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "PostgreSQL-compatible database service for the desktop")
# The .deb's extended description: CPackDeb indents it and marks empty lines.
set(CPACK_PACKAGE_DESCRIPTION
"db9 desktop runs a small PostgreSQL-compatible database server for the
user who is logged in. It speaks the PostgreSQL wire protocol on
127.0.0.1:5433, so psql, psycopg, SQLAlchemy and other PostgreSQL clients
connect to it unchanged, and keeps each database in the user's home
directory.

This package contains the daemon (db9d), a command line tool to create,
list and delete databases (db9) and a Qt desktop application
(db9-desktop). systemd starts the daemon for each user when the command
line tool or the application first needs it (db9d.socket, enabled for
all users); users who want it running from login enable db9d.service.")

set(CPACK_GENERATOR "DEB;TGZ")
# Debian policy and lintian want stripped binaries; the tarball is smaller too.
set(CPACK_STRIP_FILES ON)
# Directories CPack creates on its own get the usual 0755, whatever the umask.
set(CPACK_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS
    OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)
set(CPACK_PRE_BUILD_SCRIPTS "${CMAKE_CURRENT_LIST_DIR}/prebuild.cmake")
# Read by prebuild.cmake, which runs inside cpack and knows nothing else.
set(CPACK_DB9_PORTABLE_README "${CMAKE_CURRENT_SOURCE_DIR}/portable/README.txt")
set(CPACK_DB9_BUNDLE_SCRIPT "${CMAKE_CURRENT_LIST_DIR}/bundle-libs.cmake")
set(CPACK_DB9_QT_PLUGIN_DIR "${QT6_INSTALL_PREFIX}/${QT6_INSTALL_PLUGINS}")

# ---- .deb ------------------------------------------------------------------
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)   # db9-desktop_<version>_amd64.deb
set(CPACK_DEBIAN_PACKAGE_SECTION "database")
set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
# dpkg-shlibdeps computes Depends from the libraries the binaries link, with
# the minimum versions Debian 12's symbol files require.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# Added to what dpkg-shlibdeps finds: deb-systemd-helper --user (postinst,
# postrm enable db9d.socket for everyone), the same dependency
# dh_installsystemduser adds. Essential in Debian 12, hence versioned.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "init-system-helpers (>= 1.52)")
# psql is the usual way to talk to the databases; the app works without it.
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "postgresql-client")
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
    "${CMAKE_CURRENT_SOURCE_DIR}/deb/postinst;${CMAKE_CURRENT_SOURCE_DIR}/deb/postrm")
# Maintainer scripts 0755, control files 0644, whatever the checkout's modes.
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)

# ---- portable tarball --------------------------------------------------------
# Also the name of the one top-level directory inside it.
set(CPACK_PACKAGE_FILE_NAME "db9-desktop-${PROJECT_VERSION}-linux-${CMAKE_SYSTEM_PROCESSOR}")

include(CPack)
