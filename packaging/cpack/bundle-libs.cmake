# db9_bundle_libraries(ROOT QT_PLUGIN_DIR): makes the tree at ROOT (bin/, as
# installed) run on a Linux desktop that lacks our Debian dependencies, for
# the portable tarball. Called by cpack/prebuild.cmake, inside cpack.
#
# - Copies into ROOT/lib/db9 every shared library that bin/* and the Qt
#   plugins need, except those every desktop has and that must match the
#   machine: the C library, the C++ runtime, the graphics and X/Wayland stack,
#   fonts, D-Bus, GLib and systemd (see the exclusions below).
# - Copies the Qt plugins db9-desktop loads (X11 display and its GL glue,
#   offscreen, image formats, input methods) into ROOT/lib/db9/plugins and
#   points Qt at them with bin/qt.conf. Wayland sessions run it through
#   XWayland: Debian's Wayland plugin is not among our build dependencies.
# The programs carry a DT_RPATH of $ORIGIN/../lib/db9 (packaging/CMakeLists.txt
# links them with --disable-new-dtags): unlike RUNPATH it also applies to the
# libraries' own dependencies and to plugins dlopen()ed by Qt, so the copies
# need no editing.

# Sonames never bundled: the base every desktop Linux has, whose copies must
# be the machine's own (drivers, the C library), or that are part of the
# session (D-Bus, systemd, fonts).
set(db9_never_bundle
  "^ld-linux"
  "^lib(c|m|dl|pthread|rt|resolv|util|anl|nsl|mvec|BrokenLocale)\\.so"
  "^lib(stdc\\+\\+|gcc_s)\\.so"
  "^lib(GL|GLX|EGL|OpenGL|GLdispatch|GLESv2|drm|gbm|vulkan)\\.so"
  "^lib(X11|X11-xcb|xcb|Xau|Xdmcp|Xext|Xrender)\\.so"
  "^libwayland-"
  "^lib(fontconfig|freetype|harfbuzz|expat|z)\\.so"
  "^lib(dbus-1|systemd|udev)\\.so"
  "^lib(glib|gobject|gio|gmodule|gthread)-2\\.0\\.so"
)

# Plugin directories (relative to Qt's plugin dir) and single plugins to ship.
set(db9_qt_plugins
  platforms/libqxcb.so
  platforms/libqoffscreen.so
  platforms/libqminimal.so
)
set(db9_qt_plugin_dirs xcbglintegrations imageformats platforminputcontexts)

function(db9_bundle_libraries root qt_plugin_dir)
  set(libdir "${root}/lib/db9")
  file(GLOB programs LIST_DIRECTORIES false "${root}/bin/*")

  set(plugins "")
  if(EXISTS "${root}/bin/db9-desktop")
    if(NOT IS_DIRECTORY "${qt_plugin_dir}")
      message(FATAL_ERROR "db9 packaging: Qt plugin directory '${qt_plugin_dir}' not found")
    endif()
    foreach(plugin IN LISTS db9_qt_plugins)
      get_filename_component(sub "${plugin}" DIRECTORY)
      file(COPY "${qt_plugin_dir}/${plugin}" DESTINATION "${libdir}/plugins/${sub}")
      list(APPEND plugins "${libdir}/plugins/${plugin}")
    endforeach()
    foreach(sub IN LISTS db9_qt_plugin_dirs)
      file(GLOB found "${qt_plugin_dir}/${sub}/*.so")
      file(COPY ${found} DESTINATION "${libdir}/plugins/${sub}")
      file(GLOB copied "${libdir}/plugins/${sub}/*.so")
      list(APPEND plugins ${copied})
    endforeach()
    # Qt reads qt.conf beside the executable; paths are relative to it.
    file(WRITE "${root}/bin/qt.conf" "[Paths]\nPrefix=..\nPlugins=lib/db9/plugins\n")
  endif()

  file(GET_RUNTIME_DEPENDENCIES
    EXECUTABLES ${programs}
    MODULES ${plugins}
    RESOLVED_DEPENDENCIES_VAR libraries
    UNRESOLVED_DEPENDENCIES_VAR unresolved
    PRE_EXCLUDE_REGEXES ${db9_never_bundle}
  )
  if(unresolved)
    message(FATAL_ERROR "db9 packaging: libraries not found on the build machine: ${unresolved}")
  endif()
  foreach(library IN LISTS libraries)
    # FOLLOW_SYMLINK_CHAIN keeps the soname link next to the real file.
    file(INSTALL "${library}" DESTINATION "${libdir}" FOLLOW_SYMLINK_CHAIN)
  endforeach()
  list(LENGTH libraries count)
  message(STATUS "db9 packaging: bundled ${count} libraries into lib/db9")
endfunction()
