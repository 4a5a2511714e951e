# SimKernelModule.cmake - build kernel modules (.ko) and built-in drivers.
#
#   simkernel_add_module(NAME SOURCES a.c b.cpp [OUT_OF_TREE] [DEPENDS mod...])
#       -> ${SK_MODULE_OUTPUT_DIRECTORY}/NAME.ko (default build/modules),
#          compiled as kbuild compiles a module: -nostdinc against the SDK
#          headers only, -DMODULE, -fvisibility=hidden (EXPORT_SYMBOL makes
#          a symbol public), linked with no C library and -Bsymbolic (a
#          module's calls to itself stay inside it). NAME.mod.c is generated
#          as modpost generates it: name, vermagic, intree=Y unless
#          OUT_OF_TREE (or SIMKERNEL_MODULES_OUT_OF_TREE, which the installed
#          package sets), and depends= the DEPENDS modules.
#
#   simkernel_add_builtin(NAME SOURCES a.c [DETACHED])
#       -> an object library linked into the kernel: the same source with
#          module_init() running at boot instead of at insmod. DETACHED:
#          only the object library NAME_builtin, for a target that links it
#          itself (the switch kernel, the dispatch benchmark).
#
# The flags below are the only copy: Sdk.cmake writes them into the SDK's
# scripts/sdk-flags.mk, so `make -C build/sdk M=...` compiles a module
# exactly as this file does.

set(SK_MODULE_C_STD -std=gnu11)
set(SK_MODULE_CXX_STD -std=c++20)
set(SK_MODULE_C_FLAGS
    -nostdinc -fno-common -fno-strict-aliasing -fno-stack-protector -fno-builtin-printf
    -fPIC -fvisibility=hidden -O2 -g -Wall -Wundef -Wno-unused-function
    -fno-delete-null-pointer-checks  # as kbuild: a NULL store stays a store, not a trap
    -fasynchronous-unwind-tables  # an Oops unwinds through module frames (sim_kernel/arch/x86/kernel/traps.cpp)
    -fno-optimize-sibling-calls   # and its call trace shows every caller, as kbuild with frame pointers
    # kbuild's warning policy for C: these mistakes are errors, these idioms are fine.
    -Werror=implicit-function-declaration -Werror=implicit-int -Werror=return-type
    -Wstrict-prototypes -Wno-pointer-sign -Wno-format-security
    -fno-sanitize=all)  # no sanitizer runtime: only what the kernel exports
set(SK_MODULE_CXX_FLAGS
    -nostdinc -nostdinc++ -fno-exceptions -fno-rtti -fno-threadsafe-statics -fno-gnu-unique
    -fno-common -fno-stack-protector -fno-builtin-printf -fPIC -fvisibility=hidden -O2 -g -Wall
    -fasynchronous-unwind-tables
    -fno-sanitize=all)
set(SK_MODULE_DEFINES MODULE __KERNEL__)
set(SK_MODULE_LINK_FLAGS -nostdlib -fno-sanitize=all -Wl,-Bsymbolic -Wl,-z,noexecstack -Wl,--build-id)
if(NOT DEFINED SK_MODULE_OUTPUT_DIRECTORY)
  set(SK_MODULE_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/modules)
endif()

function(simkernel_add_module name)
  cmake_parse_arguments(ARG "OUT_OF_TREE" "" "SOURCES;DEPENDS" ${ARGN})
  set(modc ${CMAKE_CURRENT_BINARY_DIR}/${name}.mod.c)
  # kbuild's name-fix: hello-init.ko is module hello_init.
  string(REPLACE "-" "_" SK_MODNAME ${name})
  if(ARG_OUT_OF_TREE OR SIMKERNEL_MODULES_OUT_OF_TREE)
    set(SK_INTREE_LINE "")
  else()
    set(SK_INTREE_LINE "MODULE_INFO(intree, \"Y\");")
  endif()
  string(REPLACE "-" "_" deps "${ARG_DEPENDS}")
  string(REPLACE ";" "," SK_DEPENDS "${deps}")
  configure_file(${SK_CMAKE_DIR}/mod.c.in ${modc} @ONLY)

  add_library(${name}_ko MODULE ${ARG_SOURCES} ${modc})
  set_target_properties(${name}_ko PROPERTIES
    PREFIX "" SUFFIX ".ko" OUTPUT_NAME ${name}
    LIBRARY_OUTPUT_DIRECTORY ${SK_MODULE_OUTPUT_DIRECTORY}
    C_STANDARD 11 C_EXTENSIONS ON CXX_STANDARD 20 CXX_EXTENSIONS OFF
    C_VISIBILITY_PRESET hidden CXX_VISIBILITY_PRESET hidden
    LINKER_LANGUAGE C)
  # Source headers before the build tree's copies, so an edit is seen at once.
  target_include_directories(${name}_ko SYSTEM BEFORE PRIVATE
    ${SK_SDK_SOURCE_INCLUDE} ${SK_SDK_GENERATED_INCLUDE})
  target_compile_definitions(${name}_ko PRIVATE ${SK_MODULE_DEFINES} KBUILD_MODNAME="${SK_MODNAME}")
  target_compile_options(${name}_ko PRIVATE
    $<$<COMPILE_LANGUAGE:C>:${SK_MODULE_C_FLAGS}>
    $<$<COMPILE_LANGUAGE:CXX>:${SK_MODULE_CXX_FLAGS}>)
  target_link_options(${name}_ko PRIVATE ${SK_MODULE_LINK_FLAGS})
  # A .ko is not a program: 0644 as kbuild leaves it (the linker sets x bits).
  add_custom_command(TARGET ${name}_ko POST_BUILD COMMAND chmod a-x $<TARGET_FILE:${name}_ko>)
  foreach(dep ${ARG_DEPENDS})
    if(TARGET ${dep}_ko)
      add_dependencies(${name}_ko ${dep}_ko)
    endif()
  endforeach()
  add_dependencies(modules ${name}_ko)
endfunction()

function(simkernel_add_builtin name)
  cmake_parse_arguments(ARG "DETACHED" "" "SOURCES" ${ARGN})
  add_library(${name}_builtin OBJECT ${ARG_SOURCES})
  set_target_properties(${name}_builtin PROPERTIES POSITION_INDEPENDENT_CODE ON)
  target_include_directories(${name}_builtin SYSTEM BEFORE PRIVATE
    ${SK_SDK_SOURCE_INCLUDE} ${SK_SDK_GENERATED_INCLUDE})
  target_compile_definitions(${name}_builtin PRIVATE __KERNEL__ KBUILD_MODNAME="${name}")
  target_compile_options(${name}_builtin PRIVATE
    -nostdinc -fno-common -fno-strict-aliasing -fno-stack-protector -Wall -Wno-unused-function)
  if(NOT ARG_DETACHED)
    set_property(GLOBAL APPEND PROPERTY SK_BUILTIN_OBJECTS $<TARGET_OBJECTS:${name}_builtin>)
  endif()
endfunction()

# simkernel_ship_module(NAME DEST subdir): install NAME.ko in every new
# simulated root, under /lib/modules/<release>/<subdir>.
function(simkernel_ship_module name)
  cmake_parse_arguments(ARG "" "DEST" "" ${ARGN})
  set_property(GLOBAL APPEND PROPERTY SK_SHIPPED_MODULES "${name}.ko\t${ARG_DEST}")
endfunction()

# Writes build/modules/shipped.list (call once, after every ship).
function(simkernel_write_shipped_list)
  get_property(shipped GLOBAL PROPERTY SK_SHIPPED_MODULES)
  string(REPLACE ";" "\n" lines "${shipped}")
  file(WRITE ${CMAKE_BINARY_DIR}/modules/shipped.list "${lines}\n")
endfunction()

set(SK_CMAKE_DIR ${CMAKE_CURRENT_LIST_DIR})
if(NOT TARGET modules)
  add_custom_target(modules)
endif()
