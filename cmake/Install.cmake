# Install.cmake - `cmake --install` puts the whole product under a prefix,
# and CPack makes a Debian package of it (cpack -G DEB in the build tree):
#
#   bin/simkernel, bin/simkernel-switch          the two kernels and their shell
#   lib/libsimkernel.so, lib/libsimkernel-switch.so
#   lib/simkernel/sdk/                            the module build tree (Sdk.cmake)
#   lib/simkernel/modules/                        the shipped .ko files, shipped.list
#   include/simkernel/                            the kernel's and the test kit's headers
#   lib/libsimkernel_testing.a, ..._testing_main.a
#   lib/cmake/SimKernel/                          find_package(SimKernel): targets
#                                                 SimKernel::simkernel, ::testing, ::testing_main
#   share/simkernel/labs/                         the labs, student version (no solutions)
#   share/doc/simkernel/                          README and docs/
#   share/man/man1/                               simkernel(1), simkernel-switch(1), gzipped
#
# An installed simkernel finds its SDK, modules and labs beside itself
# (shell/product_paths.cpp). Included last from the top-level CMakeLists.txt.

set(SK_INSTALL_RPATH "$ORIGIN/../lib")
set_target_properties(simkernel_shell simkernel_switch_shell PROPERTIES INSTALL_RPATH "${SK_INSTALL_RPATH}")

install(TARGETS simkernel_shell simkernel_switch_shell RUNTIME DESTINATION bin COMPONENT runtime)
install(TARGETS simkernel_switch LIBRARY DESTINATION lib COMPONENT runtime)
install(TARGETS simkernel skuser simkernel_testing simkernel_testing_main EXPORT SimKernelTargets
        LIBRARY DESTINATION lib COMPONENT runtime
        ARCHIVE DESTINATION lib COMPONENT runtime)
install(DIRECTORY ${CMAKE_SOURCE_DIR}/sim_kernel/include/simkernel ${CMAKE_SOURCE_DIR}/testing/include/simkernel
                  ${CMAKE_SOURCE_DIR}/user/include/simkernel ${CMAKE_SOURCE_DIR}/include/uapi
        DESTINATION include COMPONENT runtime)
install(EXPORT SimKernelTargets NAMESPACE SimKernel:: DESTINATION ${SK_CMAKE_INSTALL_DIR} COMPONENT runtime)
install(FILES ${SK_CMAKE_DIR}/SimKernelTesting.cmake DESTINATION ${SK_CMAKE_INSTALL_DIR} COMPONENT runtime)

# The shipped modules, as shipped.list names them.
get_property(sk_shipped GLOBAL PROPERTY SK_SHIPPED_MODULES)
foreach(entry ${sk_shipped})
  string(REGEX REPLACE "\t.*" "" ko "${entry}")
  install(FILES ${CMAKE_BINARY_DIR}/modules/${ko} DESTINATION ${SK_MODULE_INSTALL_DIR} COMPONENT runtime)
endforeach()
install(FILES ${CMAKE_BINARY_DIR}/modules/shipped.list DESTINATION ${SK_MODULE_INSTALL_DIR} COMPONENT runtime)

# The labs as students get them (simkernel lab export --student): no solution/.
install(DIRECTORY ${CMAKE_SOURCE_DIR}/labs/ DESTINATION ${SK_LABS_INSTALL_DIR} COMPONENT runtime
        PATTERN solution EXCLUDE
        PATTERN "*.ko" EXCLUDE PATTERN "*.o" EXCLUDE PATTERN "*.mod*" EXCLUDE PATTERN ".*.cmd" EXCLUDE
        PATTERN ".*.d" EXCLUDE PATTERN Module.symvers EXCLUDE PATTERN modules.order EXCLUDE)

install(FILES ${CMAKE_SOURCE_DIR}/README.md DESTINATION share/doc/simkernel COMPONENT runtime)
install(DIRECTORY ${CMAKE_SOURCE_DIR}/docs/ DESTINATION share/doc/simkernel COMPONENT runtime
        PATTERN man EXCLUDE)
# The man pages, compressed as Debian's policy asks (gzip -9n: no name or
# time in the header, so the package is reproducible); man reads them as is.
file(GLOB sk_man_pages CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/docs/man/*.1)
set(sk_man_gz)
foreach(page ${sk_man_pages})
  get_filename_component(page_name ${page} NAME)
  set(gz ${CMAKE_BINARY_DIR}/man/${page_name}.gz)
  add_custom_command(OUTPUT ${gz}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_BINARY_DIR}/man
    COMMAND ${CMAKE_COMMAND} -E copy ${page} ${CMAKE_BINARY_DIR}/man/${page_name}
    COMMAND gzip -9nf ${CMAKE_BINARY_DIR}/man/${page_name}
    DEPENDS ${page}
    COMMENT "Compressing the man page ${page_name}"
    VERBATIM)
  list(APPEND sk_man_gz ${gz})
endforeach()
add_custom_target(man_pages ALL DEPENDS ${sk_man_gz})
install(FILES ${sk_man_gz} DESTINATION share/man/man1 COMPONENT runtime)

# ---- CPack: one .deb for a course's lab machines --------------------------
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME simkernel)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "simkernel maintainers <simkernel@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "simulated Linux kernel in user space, for learning device drivers and modules")
set(CPACK_PACKAGE_DESCRIPTION "simkernel boots a simulated Linux kernel inside an ordinary process and loads
modules (.ko) built with its SDK, with Linux's commands, messages and module API.
It includes lab exercises with an automatic checker and a C++ test kit.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# Modules are built with the system's compiler and make (the SDK), and the
# test kit compiles against Catch2 and fmt.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "make, gcc")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "g++, catch2, libfmt-dev")
# Release-size binaries in the package (the build tree keeps its debug info).
set(CPACK_STRIP_FILES ON)
include(CPack)
