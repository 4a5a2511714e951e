// module.hpp - the kernel's record of a loaded module, and the module list
// behind lsmod and /proc/modules.
#pragma once

#include <simkernel/kapi.h>
#include <simkernel/elf_image.hpp>
#include <asm/syscall.h>

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace sk {

enum class ModuleState { Loading, Live, Unloading };
const char* state_name(ModuleState s);

// Taint flags, as bit numbers of /proc/sys/kernel/tainted.
enum Taint : unsigned {
    TAINT_PROPRIETARY_MODULE = 0,   // P
    TAINT_FORCED_MODULE = 1,        // F
    TAINT_FORCED_RMMOD = 3,         // R
    TAINT_DIE = 7,                  // D
    TAINT_WARN = 9,                 // W
    TAINT_OOT_MODULE = 12,          // O
    TAINT_UNSIGNED_MODULE = 13,     // E
};
// The letters of a taint mask in Linux's order, e.g. "OE".
std::string taint_letters(unsigned long mask, bool module_only);

struct Module {
    static constexpr long kRefDead = -(1L << 40);  // refcnt once rmmod has committed

    std::string name;
    std::atomic<ModuleState> state{ModuleState::Loading};
    std::atomic<long> refcnt{0};
    ElfImage image;
    std::vector<Module*> uses;     // modules whose symbols this one uses
    std::vector<Module*> used_by;  // holders
    unsigned long taints = 0;
    size_t size = 0;
    uintptr_t base = 0;

    struct module* mod = nullptr;  // __this_module, inside the .ko
    int (*init)(void) = nullptr;
    void (*exit)(void) = nullptr;
    std::shared_ptr<void> library;  // the mapping; reset() unmaps it
    std::vector<void*> param_strings;  // copies made for charp parameters
    // sys_call_table as this module's init found it: what the kernel puts
    // back if the module leaves an entry pointing into its own code.
    std::vector<sys_call_ptr_t> syscalls_before_init;
};

class ModuleList {
public:
    Module* find(const std::string& name) const;
    void add(std::unique_ptr<Module> m);
    std::unique_ptr<Module> remove(const Module* m);
    std::vector<Module*> all() const;  // in load order
    std::mutex& load_mutex() { return load_mutex_; }  // one insmod/rmmod at a time

private:
    mutable std::mutex mutex_;
    std::mutex load_mutex_;
    std::vector<std::unique_ptr<Module>> modules_;
};

// The kernel's record behind a struct module* (nullptr for THIS_MODULE of
// built-in code), and reference counting on it.
Module* module_of(struct module* m);
bool module_get(Module* m);      // false while the module is unloading
void module_put_ref(Module* m);

// The function at addr, for the kernel log: "fn [module]" or an address.
std::string describe_code_address(const void* addr);

// "name" from "dir/name.ko", with '-' read as '_' as Linux does.
std::string module_name_from_path(const std::string& path);

}  // namespace sk
