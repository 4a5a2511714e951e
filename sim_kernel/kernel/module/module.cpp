// module.cpp - the module list, reference counts, taint letters.
#include <simkernel/kernel.hpp>
#include <simkernel/module.hpp>

#include <fmt/format.h>

#include <dlfcn.h>

#include <algorithm>
#include <simkernel/export.hpp>

namespace sk {

const char* state_name(ModuleState s) {
    switch (s) {
    case ModuleState::Loading: return "Loading";
    case ModuleState::Live: return "Live";
    case ModuleState::Unloading: return "Unloading";
    }
    return "?";
}

std::string taint_letters(unsigned long mask, bool module_only) {
    // Linux's order (kernel/panic.c taint_flags); module_only keeps the
    // letters that describe a module rather than the kernel.
    struct Flag { unsigned bit; char letter; bool module; };
    static const Flag flags[] = {
        {TAINT_PROPRIETARY_MODULE, 'P', true}, {TAINT_FORCED_MODULE, 'F', true},
        {TAINT_FORCED_RMMOD, 'R', false},      {TAINT_DIE, 'D', false},
        {TAINT_WARN, 'W', false},              {TAINT_OOT_MODULE, 'O', true},
        {TAINT_UNSIGNED_MODULE, 'E', true},
    };
    std::string out;
    for (const Flag& f : flags)
        if ((mask & (1UL << f.bit)) && (!module_only || f.module)) out += f.letter;
    return out;
}

void ModuleList::set_last_unloaded(std::string what) {
    std::lock_guard lock(mutex_);
    last_unloaded_ = std::move(what);
}

std::string ModuleList::last_unloaded() const {
    std::lock_guard lock(mutex_);
    return last_unloaded_;
}

Module* ModuleList::find(const std::string& name) const {
    std::lock_guard lock(mutex_);
    for (const auto& m : modules_)
        if (m->name == name) return m.get();
    return nullptr;
}

void ModuleList::add(std::unique_ptr<Module> m) {
    std::lock_guard lock(mutex_);
    modules_.push_back(std::move(m));
}

std::unique_ptr<Module> ModuleList::remove(const Module* m) {
    std::lock_guard lock(mutex_);
    auto it = std::find_if(modules_.begin(), modules_.end(),
                           [m](const auto& p) { return p.get() == m; });
    if (it == modules_.end()) return nullptr;
    std::unique_ptr<Module> out = std::move(*it);
    modules_.erase(it);
    return out;
}

void ModuleList::retire(std::unique_ptr<Module> m) {
    std::lock_guard lock(mutex_);
    retired_.push_back(std::move(m));
}

std::vector<Module*> ModuleList::all() const {
    std::lock_guard lock(mutex_);
    std::vector<Module*> out;
    for (const auto& m : modules_) out.push_back(m.get());
    return out;
}

std::string module_name_from_path(const std::string& path) {
    std::string name = path.substr(path.find_last_of('/') + 1);
    for (const char* ext : {".ko.xz", ".ko.zst", ".ko.gz", ".ko"}) {
        std::string e(ext);
        if (name.size() > e.size() && name.compare(name.size() - e.size(), e.size(), e) == 0) {
            name.resize(name.size() - e.size());
            break;
        }
    }
    std::replace(name.begin(), name.end(), '-', '_');
    return name;
}

Module* module_of(struct module* m) {
    return m ? static_cast<Module*>(m->sk_kernel) : nullptr;
}

// The count goes negative (kRefDead) at the moment rmmod commits to
// removing the module; from then on no one can take a new reference.
bool module_get(Module* m) {
    if (!m) return true;
    long v = m->refcnt.load();
    do {
        if (v < 0) return false;
    } while (!m->refcnt.compare_exchange_weak(v, v + 1));
    return true;
}

void module_put_ref(Module* m) {
    if (m) m->refcnt.fetch_sub(1);
}

}  // namespace sk

// ---- the module API ----

extern "C" bool try_module_get(struct module* module) {
    return sk::module_get(sk::module_of(module));
}
EXPORT_SYMBOL(try_module_get);

extern "C" void module_put(struct module* module) {
    sk::module_put_ref(sk::module_of(module));
}
EXPORT_SYMBOL(module_put);

extern "C" void __module_get(struct module* module) {
    if (sk::Module* m = sk::module_of(module)) m->refcnt.fetch_add(1);
}
EXPORT_SYMBOL(__module_get);

namespace sk {

// "blink_fn [blinker]" for code in a module, as Linux's %ps prints it: the
// kernel log can then name the function a module forgot about.
std::string describe_code_address(const void* addr) {
    auto a = reinterpret_cast<uintptr_t>(addr);
    if (Kernel* k = kernel_if_running()) {
        for (Module* m : k->modules.all()) {
            if (a < m->base || a >= m->base + m->size) continue;
            if (const ElfFunction* f = m->image.function_at(a - m->base)) {
                uintptr_t off = a - m->base - f->addr;
                return off ? fmt::format("{}+{:#x} [{}]", f->name, off, m->name) : fmt::format("{} [{}]", f->name, m->name);
            }
            return fmt::format("{:#x} [{}]", a, m->name);
        }
    }
    // The kernel's own functions: the dynamic symbol table knows them.
    Dl_info info;
    if (dladdr(addr, &info) && info.dli_sname && info.dli_saddr == addr) return info.dli_sname;
    return fmt::format("{:#x}", a);
}

}  // namespace sk
