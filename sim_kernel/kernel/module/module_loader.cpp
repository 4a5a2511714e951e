// module_loader.cpp - init_module and delete_module (kernel/module/main.c).
//
// load_module() takes the steps Linux takes, and undoes them in reverse
// order when one fails, so that a failed insmod leaves nothing behind:
//
//   1. check the image: ELF header, sections, .modinfo name and vermagic
//   2. resolve: every undefined symbol must be exported by someone
//   3. map it: a private in-memory copy, dlopen'ed (a fresh mapping each time);
//      an image never mapped before is first dlopen'ed in a disposable
//      child process (dlopen_probe.cpp)
//   4. link it in: exports, dependencies, taint, parameters, the module list
//   5. run init_module; if it fails, undo 4 and 3
#include "ksys.hpp"

#include <simkernel/dlopen_probe.hpp>
#include <simkernel/elf_validate.hpp>
#include <simkernel/kernel.hpp>
#include <simkernel/loader.hpp>
#include <simkernel/lockdep.hpp>
#include <simkernel/module_calls.hpp>
#include <simkernel/oops.hpp>
#include <simkernel/params.hpp>
#include <simkernel/syscalls.hpp>
#include <simkernel/vfs.hpp>

#include <boost/dll/shared_library.hpp>
#include <fmt/format.h>

#include <dlfcn.h>
#include <link.h>
#include <cstring>
#include <sys/mman.h>

#include <algorithm>
#include <cstdlib>
#include <set>

namespace sk {

namespace {

// A name from the image, safe to log: bytes outside printable ASCII as \xNN.
std::string printable(const std::string& s) {
    std::string out;
    for (unsigned char c : s.substr(0, 128)) out += (c >= 0x20 && c < 0x7f) ? std::string(1, static_cast<char>(c)) : fmt::format("\\x{:02x}", c);
    return s.size() > 128 ? out + "..." : out;
}

bool license_is_gpl_compatible(const std::string& license) {
    static const char* const gpl[] = {"GPL", "GPL v2", "GPL and additional rights",
                                      "Dual BSD/GPL", "Dual MIT/GPL", "Dual MPL/GPL"};
    return std::any_of(std::begin(gpl), std::end(gpl), [&](const char* l) { return license == l; });
}


// Step 1: is this a module built for this kernel? Then the taints, in
// Linux's order (check_modinfo, then module_augment_kernel_taints): F, O,
// P, E. Each message is said once per boot, the first time its taint is
// set; and the kernel is tainted now, even if the load fails later (a
// taint records what was attempted, like the log).
long check_modinfo(Kernel& k, const ElfImage& img, const std::string& name, unsigned flags,
                   unsigned long* taints) {
    auto taint = [&](unsigned bit) { *taints |= 1UL << bit; };
    auto tainted = [&](unsigned bit) { return (k.tainted() & (1UL << bit)) != 0; };
    std::string magic = img.info("vermagic");
    if (flags & kInitIgnoreVermagic) {
        // A forced load does not look at the version magic at all (kmod
        // strips it from the image): it taints F whatever the magic says.
        if (!tainted(TAINT_FORCED_MODULE)) printk(KERN_WARNING "%s: bad vermagic: kernel tainted.\n", name.c_str());
        taint(TAINT_FORCED_MODULE);
        add_taint_lockdep_unreliable(k, TAINT_FORCED_MODULE);
    } else if (magic != kernel_vermagic()) {
        if (magic.empty()) printk(KERN_ERR "%s: no version magic found\n", name.c_str());
        else printk(KERN_ERR "%s: version magic '%s' should be '%s'\n", name.c_str(),
                    printable(magic).c_str(), kernel_vermagic());
        return -ENOEXEC;
    }
    if (!img.has_info("intree")) {
        if (!tainted(TAINT_OOT_MODULE))
            printk(KERN_WARNING "%s: loading out-of-tree module taints kernel.\n", name.c_str());
        taint(TAINT_OOT_MODULE);
        k.add_taint(TAINT_OOT_MODULE);
    }
    std::string license = img.info("license");
    if (!license_is_gpl_compatible(license)) {
        if (!tainted(TAINT_PROPRIETARY_MODULE)) {
            if (license.empty()) printk(KERN_WARNING "%s: module license unspecified taints kernel.\n", name.c_str());
            else printk(KERN_WARNING "%s: module license '%s' taints kernel.\n", name.c_str(), license.c_str());
        }
        taint(TAINT_PROPRIETARY_MODULE);
        add_taint_lockdep_unreliable(k, TAINT_PROPRIETARY_MODULE);
    }
    // simkernel has no module signing: every module is unsigned, as on a
    // kernel with CONFIG_MODULE_SIG and no key.
    if (!tainted(TAINT_UNSIGNED_MODULE))
        printk(KERN_NOTICE "%s: module verification failed: signature and/or required key missing - tainting kernel\n",
               name.c_str());
    taint(TAINT_UNSIGNED_MODULE);
    k.add_taint(TAINT_UNSIGNED_MODULE);
    return 0;
}

// Step 2: every symbol the module needs, from the kernel or a loaded module.
long resolve_symbols(Kernel& k, const ElfImage& img, const std::string& name,
                     std::set<Module*>* deps) {
    bool gpl_ok = license_is_gpl_compatible(img.info("license"));
    long err = 0;
    for (const std::string& s : img.undefined) {
        const KernelSymbol* sym = k.symbols.find(s);
        if (!sym) {
            printk(KERN_WARNING "%s: Unknown symbol %s (err %d)\n", name.c_str(), s.c_str(), -ENOENT);
            // Linux would leave a weak one NULL; here the host's dynamic
            // linker would bind it to the host's own (libc's) definition.
            if (std::find(img.weak_undefined.begin(), img.weak_undefined.end(), s) != img.weak_undefined.end())
                printk(KERN_WARNING "%s: %s is a weak symbol no one exports; simkernel refuses it rather than "
                       "let it bind outside the kernel\n", name.c_str(), s.c_str());
            err = -ENOENT;
            continue;
        }
        if (sym->gpl_only && !gpl_ok) {
            // Name what the student wrote: the SDK's inline class_create()
            // calls sk_class_create (it adds THIS_MODULE), which is what the .ko holds.
            std::string written = s.rfind("sk_", 0) == 0 ? s.substr(3) : s;
            printk(KERN_WARNING "%s: Unknown symbol %s (err %d)\n", name.c_str(), written.c_str(), -ENOENT);
            printk(KERN_WARNING "%s: %s is exported GPL-only; a module with license '%s' may not use it\n",
                   name.c_str(), written.c_str(), img.info("license").c_str());
            err = -ENOENT;
            continue;
        }
        if (sym->owner) deps->insert(sym->owner);
    }
    return err;
}

// One module's mapping: the library, and the memfd holding the image it was
// mapped from. The dynamic linker treats a path it has seen as "already
// loaded" and would hand back the old mapping; /proc/PID/fd/N is a name no
// one else has for as long as fd N stays open, so the fd lives as long as
// the mapping. PID, not "self": the name is also what a debugger attached
// to simkernel reads the module's symbols from (docs/debugging.md).
struct ModuleMapping {
    boost::dll::shared_library lib;
    int fd = -1;
    std::string path;

    ~ModuleMapping() {
        lib.unload();
        if (!still_mapped()) ::close(fd);  // else the name must stay taken
    }

    bool still_mapped() const {
        auto seen = [](struct dl_phdr_info* info, size_t, void* data) {
            return std::strcmp(info->dlpi_name, static_cast<const ModuleMapping*>(data)->path.c_str()) == 0 ? 1 : 0;
        };
        return dl_iterate_phdr(seen, const_cast<ModuleMapping*>(this)) != 0;
    }
};

// Step 3: map a private copy. A memfd is a new file each time, so the
// dynamic linker never hands back an older mapping of a rebuilt .ko.
long map_image(const void* image, size_t len, const std::string& name, Module* m) {
    int fd = memfd_create(name.c_str(), MFD_CLOEXEC);
    if (fd < 0) return -errno;
    const char* p = static_cast<const char*>(image);
    for (size_t done = 0; done < len;) {
        ssize_t n = ::write(fd, p + done, len - done);
        if (n <= 0) {
            ::close(fd);
            return -EIO;
        }
        done += static_cast<size_t>(n);
    }
    auto mapping = std::make_shared<ModuleMapping>();
    mapping->fd = fd;
    mapping->path = fmt::format("/proc/{}/fd/{}", getpid(), fd);
    std::string why;
    if (!probe_dlopen_in_child(mapping->path, image, len, &why)) {
        printk(KERN_ERR "%s: %s\n", name.c_str(), why.c_str());
        return -ENOEXEC;  // ~ModuleMapping closes the fd
    }
    try {
        namespace dll = boost::dll;
        mapping->lib.load(mapping->path, dll::load_mode::rtld_now | dll::load_mode::rtld_global);
    } catch (const std::exception& e) {
        printk(KERN_ERR "%s: cannot map module: %s\n", name.c_str(), e.what());
        return -ENOEXEC;  // ~ModuleMapping closes the fd
    }
    m->library = mapping;
    boost::dll::shared_library& lib = mapping->lib;
    struct link_map* lm = nullptr;
    if (dlinfo(lib.native(), RTLD_DI_LINKMAP, &lm) == 0 && lm) m->base = lm->l_addr;
    if (lib.has("__this_module")) m->mod = &lib.get<struct module>("__this_module");
    if (lib.has("init_module")) m->init = lib.get<int()>("init_module");
    if (lib.has("cleanup_module")) m->exit = lib.get<void()>("cleanup_module");
    return 0;
}

// The module's exports, with the addresses the mapping gave them.
std::vector<KernelSymbol> module_exports(Module* m) {
    std::vector<KernelSymbol> out;
    auto* lib = &static_cast<ModuleMapping*>(m->library.get())->lib;
    for (const ElfExport& e : m->image.exports)
        if (lib->has(e.name)) out.push_back({e.name, &lib->get<char>(e.name), e.gpl_only, m});
    return out;
}

void link_dependencies(Module* m, const std::set<Module*>& deps) {
    for (Module* d : deps) {
        d->refcnt.fetch_add(1);
        d->used_by.push_back(m);
        m->uses.push_back(d);
    }
}

void unlink_dependencies(Module* m) {
    for (Module* d : m->uses) {
        std::erase(d->used_by, m);
        module_put_ref(d);
    }
    m->uses.clear();
}

// A module may patch sys_call_table (it is exported for that) and must put
// the old entries back when it goes. An entry still pointing into the
// module's code gets back what it held before the module's init ran, and
// other modules that patched after this one now chain to that instead.
void restore_syscall_table(Kernel& k, Module& m) {
    if (m.syscalls_before_init.size() != NR_syscalls) return;  // its init never ran
    auto inside = [&m](sys_call_ptr_t fn) {
        auto a = reinterpret_cast<uintptr_t>(fn);
        return fn && a >= m.base && a < m.base + m.size;
    };
    for (long nr = 0; nr < NR_syscalls; ++nr) {
        if (!inside(sys_call_table[nr])) continue;
        sys_call_table[nr] = m.syscalls_before_init[nr];
        printk(KERN_WARNING "%s: left sys_call_table[%ld] (%s) patched; the kernel restored it\n",
               m.name.c_str(), nr, syscall_name(nr));
    }
    for (Module* other : k.modules.all()) {
        if (other == &m || other->syscalls_before_init.size() != NR_syscalls) continue;
        for (long nr = 0; nr < NR_syscalls; ++nr)
            if (inside(other->syscalls_before_init[nr])) other->syscalls_before_init[nr] = m.syscalls_before_init[nr];
    }
}

}  // namespace

// Linux's add_taint(flag, LOCKDEP_NOW_UNRELIABLE): the first taint after
// which lock debugging cannot be trusted (P, F, R, D) turns it off, and says
// so, once per boot.
void add_taint_lockdep_unreliable(Kernel& k, unsigned flag) {
    constexpr unsigned long unreliable = (1UL << TAINT_PROPRIETARY_MODULE) | (1UL << TAINT_FORCED_MODULE) |
                                         (1UL << TAINT_FORCED_RMMOD) | (1UL << TAINT_DIE) |
                                         (1UL << TAINT_BAD_PAGE);
    bool first = !(k.tainted() & unreliable);
    k.add_taint(flag);
    if (first) printk(KERN_WARNING "Disabling lock debugging due to kernel taint\n");
}

void release_module_resources(Kernel& k, Module& m) {
    const char* name = m.name.c_str();
    // What still runs the module's code goes first: its threads, timers and
    // work items, so that nothing calls into it while the rest is undone.
    for (const std::string& thread : k.kthreads.stop_owned_by(&m))
        printk(KERN_WARNING "%s: left kernel thread [%s] running; the kernel stopped it\n", name, thread.c_str());
    auto sweep_timers = [&] {
        for (struct timer_list* t : k.timers.release_owned_by(m.mod)) {
            if (t->function == delayed_work_timer_fn) continue;  // a delayed work: reported below
            printk(KERN_WARNING "%s: left a timer pending (function %s); the kernel deleted it\n", name,
                   describe_code_address(reinterpret_cast<const void*>(t->function)).c_str());
        }
        for (struct tasklet_struct* t : k.tasklets.release_owned_by(m.mod))
            printk(KERN_WARNING "%s: left a tasklet scheduled (function %s); the kernel killed it\n", name,
                   describe_code_address(tasklet_function(t)).c_str());
    };
    sweep_timers();
    for (const void* fn : k.workqueues.cancel_owned_by(m.mod))
        printk(KERN_WARNING "%s: left a work item queued (function %s); the kernel cancelled it\n", name,
               describe_code_address(fn).c_str());
    for (const std::string& wq : k.workqueues.destroy_owned_by(m.mod))
        printk(KERN_WARNING "%s: left workqueue %s; the kernel destroyed it\n", name, wq.c_str());
    sweep_timers();  // a work item may have re-armed one (or scheduled a tasklet)
    restore_syscall_table(k, m);
    free_module_params(m);
    for (const ChrdevRegion& r : k.chrdevs.release_owned_by(&m)) {
        if (r.is_region)
            printk(KERN_WARNING "%s: left char device region %u:%u-%u \"%s\" registered; the kernel removed it\n",
                   name, r.major, r.baseminor, r.baseminor + r.count - 1, r.name.c_str());
        else
            printk(KERN_WARNING "%s: left a cdev on %u:%u-%u added; the kernel removed it\n", name, r.major,
                   r.baseminor, r.baseminor + r.count - 1);
    }
    for (const std::string& what : k.devfs.release_owned_by(&m))
        printk(KERN_WARNING "%s: left %s behind; the kernel removed it\n", name, what.c_str());
    for (const std::string& path : k.proc.release_owned_by(&m))
        printk(KERN_WARNING "%s: left %s behind; the kernel removed it\n", name, path.c_str());
    for (const std::string& path : k.debugfs.release_owned_by(&m))
        printk(KERN_WARNING "%s: left %s behind; the kernel removed it\n", name, path.c_str());
    for (const auto& [irq, a] : k.irqs.release_owned_by(&m))
        printk(KERN_WARNING "%s: left IRQ %u handler \"%s\" registered; the kernel freed it\n", name, irq,
               a.name.c_str());
    for (const std::string& range : k.ioports.release_owned_by(m.mod))
        printk(KERN_WARNING "%s: left I/O ports %s claimed; the kernel released them\n", name, range.c_str());
    std::vector<LeakedObject> leaks;
    AllocStats leaked = k.slab.release_owned_by(&m, &leaks);
    if (leaked.count)
        printk(KERN_WARNING "%s: leaked %zu bytes in %zu allocation%s; the kernel freed them\n", name,
               leaked.bytes, leaked.count, leaked.count == 1 ? "" : "s");
    report_leaked_objects(leaks);
    lockdep_free_key_range(m.base, m.size);  // its lock classes' keys go with its memory
}

namespace {

// Linux's free_module(): the one teardown of a module in the list, after
// its init failed or its exit ran. What it registered and allocated goes,
// then its links to other modules, its exports, and its place in the list
// (under load_mutex, which the caller holds). Returns its record: the
// caller decides when its code is unmapped (~Module).
// Never inlined: a report made during the teardown names it in its call
// trace, as Linux's does, in every build.
[[gnu::noinline]] std::unique_ptr<Module> free_module(Kernel& k, Module* m) {
    release_module_resources(k, *m);
    unlink_dependencies(m);
    k.symbols.remove_module_exports(m);
    return k.modules.remove(m);
}

}  // namespace

long load_module(Kernel& k, const void* image, size_t len, const std::string& params, unsigned flags) {
    std::lock_guard serial(k.modules.load_mutex());

    // 1. Check the image.
    auto owned = std::make_unique<Module>();
    Module* m = owned.get();
    std::string why;
    if (!parse_elf_image(image, len, &m->image, &why)) {
        printk(KERN_ERR "module: %s\n", why.c_str());
        return -ENOEXEC;
    }
    m->name = m->image.info("name");
    if (m->name.empty()) {
        printk(KERN_ERR "module: .modinfo has no name= (was it built with the SDK?)\n");
        return -ENOEXEC;
    }
    if (!valid_module_name(m->name)) {
        printk(KERN_ERR "module: invalid module name '%s' (1 to %d letters, digits, '_' or '-')\n",
               printable(m->name).c_str(), MODULE_NAME_LEN - 1);
        return -ENOEXEC;
    }
    if (k.modules.find(m->name)) return -EEXIST;
    unsigned long taints = 0;
    if (long err = check_modinfo(k, m->image, m->name, flags, &taints)) return err;

    // 2. Resolve its symbols.
    std::set<Module*> deps;
    if (long err = resolve_symbols(k, m->image, m->name, &deps)) return err;

    // 3. Map it.
    if (long err = map_image(image, len, m->name, m)) return err;
    if (!m->mod || !m->init) {
        printk(KERN_ERR "%s: %s (was it built with the SDK?)\n", m->name.c_str(),
               !m->mod ? "no __this_module" : "no init_module: nothing to run");
        return -ENOEXEC;  // ~Module unmaps it
    }
    m->size = m->image.load_size;
    if (long err = check_module_params(*m)) return err;  // ~Module unmaps it
    m->mod->sk_kernel = m;
    m->mod->init = m->init;
    m->mod->exit = m->exit;

    // 4. Link it in.
    std::string clash;
    if (!k.symbols.add_module_exports(module_exports(m), &clash)) {
        const KernelSymbol* other = k.symbols.find(clash);
        printk(KERN_ERR "%s: exports duplicate symbol %s (owned by %s)\n", m->name.c_str(), clash.c_str(),
               other && other->owner ? other->owner->name.c_str() : "kernel");
        return -ENOEXEC;
    }
    link_dependencies(m, deps);
    if (long err = parse_module_params(*m, params)) {
        free_module_params(*m);
        unlink_dependencies(m);
        k.symbols.remove_module_exports(m);
        return err;
    }
    m->taints = taints;
    m->state = ModuleState::Loading;
    k.modules.add(std::move(owned));

    // 5. Run its init.
    m->syscalls_before_init.assign(std::begin(sys_call_table), std::end(sys_call_table));
    int ret = 0;
    // An Oops in init kills insmod, as on Linux; then, better than Linux
    // (which leaves the module half-loaded for good), the load is undone
    // as for a failed init.
    if (!run_trapped(OopsContext::Task, [&] { ret = m->init(); })) ret = -EFAULT;
    if (ret > 0) {
        printk(KERN_WARNING "do_init_module: '%s'->init suspiciously returned %d, it should follow 0/-E convention\n",
               m->name.c_str(), ret);
        ret = 0;
    }
    if (ret < 0) {
        std::string name_of_failed = m->name;
        m->state = ModuleState::Unloading;
        free_module(k, m);  // ~Module unmaps it
        // Every refused insmod says why in the log, even when the module
        // itself said nothing (Linux leaves that to the module).
        printk(KERN_INFO "%s: init_module returned %d (%s); the load was undone\n", name_of_failed.c_str(), ret,
               strerrorname_np(-ret) ? strerrorname_np(-ret) : "?");
        return ret;
    }
    m->state = ModuleState::Live;
    return 0;
}

// How long rmmod -f waits for the tasks it interrupted to leave the module
// before running its cleanup_module anyway (a driver sleeping
// uninterruptibly never leaves on its own).
constexpr std::chrono::milliseconds kForcedRemovalGrace{2000};

long unload_module(Kernel& k, const std::string& name, unsigned flags) {
    std::lock_guard serial(k.modules.load_mutex());
    Module* m = k.modules.find(name);
    if (!m) return -ENOENT;
    bool shutdown = flags & kUnloadShutdown;
    bool force = shutdown || (flags & kUnloadForce);
    bool forced = false;  // rmmod -f was needed: taint R (Linux's try_force_unload)

    if (!shutdown) {
        if (!m->used_by.empty()) return -EWOULDBLOCK;  // others use its symbols
        if (m->state.load() != ModuleState::Live) return -EBUSY;
        if (!m->exit) {
            if (!force) return -EBUSY;  // no cleanup_module: it cannot be removed
            forced = true;
        }
    }
    long zero = 0;
    bool in_use = false;  // files open on it, or a try_module_get: calls may be inside it
    if (!m->refcnt.compare_exchange_strong(zero, Module::kRefDead)) {
        if (!force) return -EWOULDBLOCK;
        if (!shutdown) forced = true;
        in_use = true;
        m->refcnt.store(Module::kRefDead);
    }
    if (forced) add_taint_lockdep_unreliable(k, TAINT_FORCED_RMMOD);
    if (in_use) {
        // No new call enters its code; the tasks inside it are interrupted
        // (module_calls.hpp) and given a moment to leave before its
        // cleanup_module runs.
        size_t inside = module_calls_close(*m);
        for (const std::string& path : detach_module_files(k, m))
            printk(KERN_WARNING "%s: removed with %s open; the kernel detached the file (its calls now fail with ENODEV)\n",
                   m->name.c_str(), path.c_str());
        if (inside) {
            module_calls_interrupt(*m);
            printk(KERN_WARNING "%s: removed with %zu task%s inside its code; the kernel interrupted %s\n",
                   m->name.c_str(), inside, inside == 1 ? "" : "s", inside == 1 ? "it" : "them");
            module_calls_drain(*m, kForcedRemovalGrace);
        }
    }

    m->state = ModuleState::Unloading;
    // An Oops in exit kills rmmod; the kernel still removes what the module
    // left behind and unloads it (Linux would leave it "Unloading" for good).
    if (m->exit) run_trapped(OopsContext::Task, [&] { m->exit(); });
    k.modules.set_last_unloaded(m->name + (m->taints ? "(" + taint_letters(m->taints, true) + ")" : ""));
    std::unique_ptr<Module> record = free_module(k, m);
    if (!in_use) return 0;  // ~Module unmaps it: no file, so no call, was on it
    if (!module_unmap_when_idle(*m))
        printk(KERN_WARNING "%s: a task still runs in its code; its memory is freed when the last one leaves\n",
               m->name.c_str());
    k.modules.retire(std::move(record));
    return 0;
}

long ksys_delete_module(Kernel& k, Task& t, const char* uname, unsigned flags) {
    if (t.uid != 0) return -EPERM;
    std::string name;
    if (long err = getname(uname, &name)) return err;
    if (name.size() >= MODULE_NAME_LEN) return -ENOENT;
    return unload_module(k, name, flags & kUnloadForce);
}

}  // namespace sk
