// module.hpp - the kernel's record of a loaded module, and the module list
// behind lsmod and /proc/modules.
#pragma once

#include <simkernel/kapi.h>
#include <simkernel/elf_image.hpp>
#include <asm/syscall.h>

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace sk {

struct Task;

enum class ModuleState { Loading, Live, Unloading };
const char* state_name(ModuleState s);

// Taint flags, as bit numbers of /proc/sys/kernel/tainted.
enum Taint : unsigned {
    TAINT_PROPRIETARY_MODULE = 0,   // P
    TAINT_FORCED_MODULE = 1,        // F
    TAINT_FORCED_RMMOD = 3,         // R
    TAINT_BAD_PAGE = 5,             // B: slab corruption found (slab_debug.cpp)
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
    std::vector<Module*> uses;     // modules whose symbols this one uses; guarded by load_mutex
    std::vector<Module*> used_by;  // holders; guarded by load_mutex
    unsigned long taints = 0;
    size_t size = 0;
    uintptr_t base = 0;

    struct module* mod = nullptr;  // __this_module, inside the .ko
    int (*init)(void) = nullptr;
    void (*exit)(void) = nullptr;
    std::shared_ptr<void> library;  // the mapping; reset() unmaps it
    std::vector<void*> param_strings;  // copies made for charp parameters; guarded by load_mutex
    // sys_call_table as this module's init found it: what the kernel puts
    // back if the module leaves an entry pointing into its own code.
    std::vector<sys_call_ptr_t> syscalls_before_init;

    // Calls in progress into its code from system calls (module_calls.cpp):
    // one entry per call, the calling task (nullptr for kernel code).
    std::mutex calls_mutex;  // a leaf lock (module_calls.cpp)
    std::condition_variable calls_cv;
    std::vector<Task*> callers;       // guarded by calls_mutex
    std::atomic<bool> closed{false};  // rmmod -f: no new call may enter
    bool unmap_when_idle = false;     // guarded by calls_mutex: the last caller unmaps it
};

class ModuleList {
public:
    Module* find(const std::string& name) const;
    void add(std::unique_ptr<Module> m);
    std::unique_ptr<Module> remove(const Module* m);
    std::vector<Module*> all() const;  // in load order
    // A module removed with rmmod -f: its record is kept until shutdown, as
    // a task may still hold a pointer to it (module_calls.hpp).
    void retire(std::unique_ptr<Module> m);
    // Linux's module_mutex: one insmod/rmmod at a time. Whoever follows a
    // Module* it got from find()/all() into the module (its holders,
    // parameters, image) must hold it, or the module may be freed under it
    // (/proc/modules and /sys/module take it). The first lock of the order
    // in docs/architecture.md: under it the task table's lock, then leaves.
    std::mutex& load_mutex() { return load_mutex_; }
    // "hello(OE)": the last module removed, for an Oops's "[last unloaded: ...]".
    void set_last_unloaded(std::string what);
    std::string last_unloaded() const;

private:
    // A leaf lock: guards the two vectors and last_unloaded_ themselves (a
    // find() racing an add()), not the modules they point to (load_mutex).
    mutable std::mutex mutex_;
    std::string last_unloaded_;                      // guarded by mutex_
    std::mutex load_mutex_;
    std::vector<std::unique_ptr<Module>> modules_;  // guarded by mutex_; changed only with load_mutex held too
    std::vector<std::unique_ptr<Module>> retired_;  // guarded by mutex_
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
