// kallsyms.cpp - from a code address to "function+offset/size [module]"
// (kernel/kallsyms.c's sprint_symbol, behind printk's %pS).
//
// Module code is looked up in the module's own symbol table, read from its
// .ko at load time (ElfImage::functions). The kernel's own code lives in
// libsimkernel.so: its symbol table is read from the library file on first
// use, and its C++ names are shown under the names of the Linux functions
// they stand for (sk::ksys_read -> ksys_read, sk::do_syscall -> do_syscall_64).
#include <simkernel/kernel.hpp>
#include <simkernel/oops.hpp>

#include <cxxabi.h>
#include <dlfcn.h>
#include <fcntl.h>
#include <gelf.h>
#include <libelf.h>
#include <unistd.h>

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <memory>
#include <mutex>

namespace sk {

namespace {

struct HostFunction {
    uintptr_t addr;  // relative to the library's load base
    uintptr_t size;
    std::string name;
};

// The symbol table of one host library (the kernel's, libc, ...), by address.
std::vector<HostFunction> read_functions(const char* path) {
    std::vector<HostFunction> out;
    int fd = ::open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return out;
    elf_version(EV_CURRENT);
    if (Elf* elf = elf_begin(fd, ELF_C_READ, nullptr)) {
        // .symtab has every function; .dynsym (all a stripped library keeps) the exported ones.
        for (Elf64_Word wanted : {SHT_SYMTAB, SHT_DYNSYM}) {
            for (Elf_Scn* scn = nullptr; (scn = elf_nextscn(elf, scn));) {
                GElf_Shdr sh;
                if (!gelf_getshdr(scn, &sh) || sh.sh_type != wanted || sh.sh_entsize == 0) continue;
                Elf_Data* data = elf_getdata(scn, nullptr);
                size_t count = data ? sh.sh_size / sh.sh_entsize : 0;
                for (size_t i = 0; i < count; ++i) {
                    GElf_Sym sym;
                    if (!gelf_getsym(data, static_cast<int>(i), &sym)) continue;
                    if (GELF_ST_TYPE(sym.st_info) != STT_FUNC || sym.st_value == 0) continue;
                    const char* name = elf_strptr(elf, sh.sh_link, sym.st_name);
                    if (name && *name) out.push_back({sym.st_value, sym.st_size, name});
                }
            }
            if (!out.empty()) break;
        }
        elf_end(elf);
    }
    ::close(fd);
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.addr < b.addr; });
    return out;
}

const HostFunction* host_function_at(const char* path, uintptr_t rel) {
    static std::mutex mutex;
    static std::map<std::string, std::vector<HostFunction>> tables;
    std::lock_guard lock(mutex);
    auto it = tables.find(path);
    if (it == tables.end()) it = tables.emplace(path, read_functions(path)).first;
    const auto& fns = it->second;
    auto after = std::upper_bound(fns.begin(), fns.end(), rel, [](uintptr_t a, const auto& f) { return a < f.addr; });
    if (after == fns.begin()) return nullptr;
    const HostFunction* f = &*std::prev(after);
    return rel < f->addr + std::max<uintptr_t>(f->size, 1) ? f : nullptr;
}

std::string demangle(const std::string& name) {
    int status = 0;
    std::unique_ptr<char, decltype(&free)> out(abi::__cxa_demangle(name.c_str(), nullptr, nullptr, &status), free);
    return status == 0 && out ? std::string(out.get()) : name;
}

// The kernel's C++ functions whose Linux counterparts have other names.
struct LinuxName {
    const char* ours;
    const char* linux_name;
};
const LinuxName kLinuxNames[] = {
    {"sk::do_syscall", "do_syscall_64"},
    {"sk_syscall_entry", "do_syscall_64"},  // the same body, as user space enters it
    {"sk::thread_main", "kthread"},
    {"sk::TimerBase::run", "run_timer_softirq"},
    {"sk::TaskletQueue::run", "tasklet_action"},
    {"sk::Workqueues::worker_main", "worker_thread"},
    {"sk::IrqTable::raise", "handle_irq_event"},
    {"sk::unload_module", "__do_sys_delete_module"},
    {"sk_vsnprintf", "vsnprintf"},
    {"sk_vsprintf", "vsprintf"},
    {"sk_snprintf", "snprintf"},
    {"sk_sprintf", "sprintf"},
};

// "sk::(anonymous namespace)::sys_write(pt_regs const*)" -> "__x64_sys_write".
// "" for the plumbing between two kernel functions (lambdas, templates,
// the C++ library), which a call trace leaves out.
std::string linux_name_of(const std::string& mangled) {
    std::string s = demangle(mangled);
    for (const char* plumbing : {"{lambda", "run_trapped", "throw_from_call_site"})
        if (s.find(plumbing) != std::string::npos) return "";
    for (std::string anon = "(anonymous namespace)::"; s.find(anon) != std::string::npos;)
        s.erase(s.find(anon), anon.size());
    if (auto paren = s.find('('); paren != std::string::npos) s.resize(paren);
    // The compiler's local copies ("schedule_timeout.localalias") are the function.
    if (auto dot = s.find(".localalias"); dot != std::string::npos) s.resize(dot);
    if (s.rfind("std::", 0) == 0 || s.find(" std::") != std::string::npos) return "";
    for (const LinuxName& n : kLinuxNames)
        if (s == n.ours) return n.linux_name;
    if (s.rfind("sk::", 0) == 0) s.erase(0, 4);
    if (s.rfind("sys_", 0) == 0) s = "__x64_" + s;
    return s;
}

}  // namespace

bool symbolize(uintptr_t addr, CodeSymbol* out) {
    if (Kernel* k = kernel_if_running()) {
        for (Module* m : k->modules.all()) {
            if (addr < m->base || addr >= m->base + m->size) continue;
            out->module = m->name;
            out->kernel = true;
            if (const ElfFunction* f = m->image.function_at(addr - m->base)) {
                out->name = demangle(f->name);
                out->offset = addr - m->base - f->addr;
                out->size = f->size;
            } else {
                out->name.clear();
                out->offset = addr - m->base;
                out->size = 0;
            }
            return true;
        }
    }
    Dl_info info;
    if (!dladdr(reinterpret_cast<void*>(addr), &info) || !info.dli_fname) return false;
    uintptr_t base = reinterpret_cast<uintptr_t>(info.dli_fbase);
    const HostFunction* f = host_function_at(info.dli_fname, addr - base);
    if (!f) return false;
    out->name = linux_name_of(f->name);
    out->offset = addr - base - f->addr;
    out->size = f->size;
    out->module.clear();
    static const std::string kernel_library = [] {
        Dl_info self;
        return dladdr(reinterpret_cast<void*>(&symbolize), &self) && self.dli_fname ? self.dli_fname : "";
    }();
    out->kernel = kernel_library == info.dli_fname;
    return true;
}

std::string format_symbol(uintptr_t addr) {
    CodeSymbol s;
    if (!symbolize(addr, &s)) return fmt::format("{:#x}", addr);
    std::string text = s.name.empty() ? fmt::format("{:#x}", s.offset)
                                      : fmt::format("{}+{:#x}/{:#x}", s.name, s.offset, s.size);
    return s.module.empty() ? text : fmt::format("{} [{}]", text, s.module);
}

}  // namespace sk
