# Runs inside cpack (CPACK_PRE_BUILD_SCRIPTS) once per generator, after the
# install() rules have filled the staging directory and before it is packed.
# Both packages come from one install; this is where they differ:
#   DEB: programs find their libraries where Debian put them, so the RPATH
#        the tarball needs is removed (lintian: custom-library-search-path);
#        the compiler's .comment section goes too, as dh_strip does.
#   TGZ: the libraries Debian would have provided are copied into lib/db9
#        (cpack/bundle-libs.cmake) so the tree runs from any directory.

set(root "${CPACK_TEMPORARY_INSTALL_DIRECTORY}${CPACK_PACKAGING_INSTALL_PREFIX}")
file(GLOB programs LIST_DIRECTORIES false "${root}/bin/*")

if(CPACK_GENERATOR STREQUAL "DEB")
  foreach(program IN LISTS programs)
    file(RPATH_REMOVE FILE "${program}")
    # CPACK_STRIP_FILES runs a plain `strip`, which keeps the compiler's
    # .comment; Debian's dh_strip also drops it (lintian:
    # binary-has-unneeded-section).
    execute_process(COMMAND objcopy --remove-section=.comment "${program}"
                    RESULT_VARIABLE failed)
    if(failed)
      message(FATAL_ERROR "db9 packaging: objcopy --remove-section=.comment ${program} failed")
    endif()
  endforeach()
elseif(CPACK_GENERATOR STREQUAL "TGZ")
  include("${CPACK_DB9_BUNDLE_SCRIPT}")
  db9_bundle_libraries("${root}" "${CPACK_DB9_QT_PLUGIN_DIR}")
  configure_file("${CPACK_DB9_PORTABLE_README}" "${root}/README.txt" @ONLY)
else()
  message(FATAL_ERROR "db9 packaging: no rules for CPack generator ${CPACK_GENERATOR}")
endif()
