// loader.hpp - init_module / delete_module: from image bytes to a running
// module, and back. Every error path leaves the kernel as it found it.
#pragma once

#include <simkernel/kapi.h>
#include <uapi/linux/module.h>

#include <cstddef>
#include <string>

namespace sk {

class Kernel;

// Flags of init_module (MODULE_INIT_*) and delete_module (O_TRUNC = force).
constexpr unsigned kInitIgnoreVermagic = MODULE_INIT_IGNORE_VERMAGIC;
constexpr unsigned kInitIgnoreModversions = MODULE_INIT_IGNORE_MODVERSIONS;
constexpr unsigned kUnloadForce = O_TRUNC;         // rmmod -f
constexpr unsigned kUnloadShutdown = 0x80000000U;  // the kernel is stopping

// Returns 0 or -errno. params: "name=value name2=value2".
long load_module(Kernel& k, const void* image, size_t len, const std::string& params,
                 unsigned flags);
long unload_module(Kernel& k, const std::string& name, unsigned flags);

// Undo what a module left behind (registrations, memory); logs each item.
void release_module_resources(Kernel& k, struct Module& m);

}  // namespace sk
