# SimKernelModule.cmake - build kernel modules (.ko) and built-in drivers.
#
#   simkernel_add_module(NAME SOURCES a.c b.c [OUT_OF_TREE])
#       -> ${CMAKE_BINARY_DIR}/modules/NAME.ko, compiled as kbuild compiles a
#          module: -nostdinc against the SDK headers only, -DMODULE,
#          -fvisibility=hidden (EXPORT_SYMBOL makes a symbol public), linked
#          with no C library and -Bsymbolic (a module's calls to itself stay
#          inside it). NAME.mod.c is generated as modpost generates it.
#
#   simkernel_add_builtin(NAME SOURCES a.c)
#       -> an object library linked into the kernel: the same source with
#          module_init() running at boot instead of at insmod.

set(SK_MODULE_C_FLAGS
    -nostdinc -fno-common -fno-strict-aliasing -fno-stack-protector -fno-builtin-printf
    -fPIC -fvisibility=hidden -O2 -g -Wall -Wundef -Wno-unused-function)
set(SK_MODULE_CXX_FLAGS
    -nostdinc -nostdinc++ -fno-exceptions -fno-rtti -fno-threadsafe-statics -fno-gnu-unique
    -fno-common -fno-stack-protector -fPIC -fvisibility=hidden -O2 -g -Wall)

function(simkernel_add_module name)
  cmake_parse_arguments(ARG "OUT_OF_TREE" "" "SOURCES" ${ARGN})
  set(modc ${CMAKE_CURRENT_BINARY_DIR}/${name}.mod.c)
  set(SK_MODNAME ${name})
  if(ARG_OUT_OF_TREE)
    set(SK_INTREE_LINE "")
  else()
    set(SK_INTREE_LINE "MODULE_INFO(intree, \"Y\");")
  endif()
  configure_file(${SK_CMAKE_DIR}/mod.c.in ${modc} @ONLY)

  add_library(${name}_ko MODULE ${ARG_SOURCES} ${modc})
  set_target_properties(${name}_ko PROPERTIES
    PREFIX "" SUFFIX ".ko" OUTPUT_NAME ${name}
    LIBRARY_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/modules
    C_VISIBILITY_PRESET hidden CXX_VISIBILITY_PRESET hidden
    LINKER_LANGUAGE C)
  target_include_directories(${name}_ko SYSTEM BEFORE PRIVATE
    ${SK_SDK_GENERATED_INCLUDE} ${SK_SDK_SOURCE_INCLUDE})
  target_compile_definitions(${name}_ko PRIVATE MODULE __KERNEL__ KBUILD_MODNAME="${name}")
  target_compile_options(${name}_ko PRIVATE
    $<$<COMPILE_LANGUAGE:C>:${SK_MODULE_C_FLAGS}>
    $<$<COMPILE_LANGUAGE:CXX>:${SK_MODULE_CXX_FLAGS}>)
  # No sanitizer runtime, no C library: only what the kernel exports.
  target_compile_options(${name}_ko PRIVATE -fno-sanitize=all)
  target_link_options(${name}_ko PRIVATE -nostdlib -fno-sanitize=all
    -Wl,-Bsymbolic -Wl,-z,noexecstack -Wl,--build-id)
  add_dependencies(modules ${name}_ko)
endfunction()

function(simkernel_add_builtin name)
  cmake_parse_arguments(ARG "" "" "SOURCES" ${ARGN})
  add_library(${name}_builtin OBJECT ${ARG_SOURCES})
  set_target_properties(${name}_builtin PROPERTIES POSITION_INDEPENDENT_CODE ON)
  target_include_directories(${name}_builtin SYSTEM BEFORE PRIVATE
    ${SK_SDK_GENERATED_INCLUDE} ${SK_SDK_SOURCE_INCLUDE})
  target_compile_definitions(${name}_builtin PRIVATE __KERNEL__ KBUILD_MODNAME="${name}")
  target_compile_options(${name}_builtin PRIVATE
    -nostdinc -fno-common -fno-strict-aliasing -fno-stack-protector -Wall -Wno-unused-function)
  set_property(GLOBAL APPEND PROPERTY SK_BUILTIN_OBJECTS $<TARGET_OBJECTS:${name}_builtin>)
endfunction()

set(SK_CMAKE_DIR ${CMAKE_CURRENT_LIST_DIR})
if(NOT TARGET modules)
  add_custom_target(modules)
endif()
