# SimKernelTesting.cmake - a module and its test, built together
# (docs/testing.md):
#
#   simkernel_add_module_test(NAME
#       MODULE module_name            # a simkernel_add_module() target (its .ko)
#       SOURCES test.cpp ...)         # Catch2 TEST_CASEs (no main: testing_main has it)
#
# builds the test program NAME, linked with SimKernel::testing and a Catch2
# main compiled once (SimKernel::testing_main), with SIMKERNEL_MODULE_KO
# defined as the .ko's path; builds the module first; and adds NAME to CTest.
function(simkernel_add_module_test name)
  cmake_parse_arguments(ARG "" "MODULE" "SOURCES" ${ARGN})
  if(NOT ARG_MODULE OR NOT ARG_SOURCES)
    message(FATAL_ERROR "simkernel_add_module_test(${name}): give MODULE and SOURCES")
  endif()
  set(ko ${ARG_MODULE}_ko)  # simkernel_add_module's target
  if(NOT TARGET ${ko})
    message(FATAL_ERROR "simkernel_add_module_test(${name}): no module ${ARG_MODULE}; call simkernel_add_module first")
  endif()
  add_executable(${name} ${ARG_SOURCES})
  target_link_libraries(${name} PRIVATE SimKernel::testing_main)
  target_compile_features(${name} PRIVATE cxx_std_20)
  target_compile_definitions(${name} PRIVATE SIMKERNEL_MODULE_KO="$<TARGET_FILE:${ko}>")
  add_dependencies(${name} ${ko})
  add_test(NAME ${name} COMMAND ${name})
endfunction()
