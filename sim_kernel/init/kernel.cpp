// kernel.cpp - boot and shutdown (init/main.c and kernel/reboot.c).
#include <simkernel/lockdep.hpp>
#include <simkernel/kernel.hpp>
#include <simkernel/fault_inject.hpp>
#include <simkernel/oops.hpp>
#include <simkernel/loader.hpp>
#include <simkernel/syscalls.hpp>

#include <fmt/format.h>

#include <stdexcept>
#include <unistd.h>

namespace sk {

namespace {
std::atomic<Kernel*> running{nullptr};

void host_stdout(std::string_view s) {
    while (!s.empty()) {
        ssize_t n = ::write(STDOUT_FILENO, s.data(), s.size());
        if (n <= 0) return;
        s.remove_prefix(static_cast<size_t>(n));
    }
}

std::string logfile_for(const BootOptions& o) {
    if (!o.log_to_file || o.root.empty()) return {};
    std::error_code ec;
    std::filesystem::create_directories(o.root / "var/log", ec);
    return (o.root / "var/log/system.log").string();
}
}  // namespace

const char* kernel_release() { return UTS_RELEASE; }
const char* kernel_vermagic() { return VERMAGIC_STRING; }

Kernel& kernel() {
    Kernel* k = running.load();
    if (!k) {
        fprintf(stderr, "simkernel: a kernel function was called with no kernel booted\n");
        abort();
    }
    return *k;
}

Kernel* kernel_if_running() { return running.load(); }

Kernel::Kernel(BootOptions opts)
    : opts_(std::move(opts)),
      log(opts_.log_buf_len, opts_.console ? opts_.console : host_stdout, logfile_for(opts_)),
      machine(irqs) {
    Kernel* expected = nullptr;
    if (!running.compare_exchange_strong(expected, this))
        throw std::logic_error("a simkernel is already running in this process");

    reset_syscall_table();
    lockdep_reset();  // lock classes are addresses: none carries over from an earlier kernel
    trap_init(opts_.log_to_file ? logfile_for(opts_) : std::string());  // faults in kernel code become Oopses
    printk(KERN_NOTICE "Linux version %s (simkernel) #1 SMP PREEMPT_DYNAMIC\n", UTS_RELEASE);
    printk(KERN_INFO "Command line: root=%s\n", opts_.root.string().c_str());
    printk(KERN_INFO "printk: log buffer of %zu bytes\n", opts_.log_buf_len);
    init_ = tasks.spawn(nullptr, "init", 0, 0);
    system_wq = workqueues.create(nullptr, "events");
    // drivers/char/misc.c's misc_init: major 10 belongs to the misc layer
    // from boot, so /proc/devices shows "10 misc" and register_chrdev(10)
    // is EBUSY, as on every Linux machine.
    chrdevs.register_region(MISC_MAJOR, 0, 256, "misc", nullptr, nullptr);
    failslab_debugfs_init();  // /sys/kernel/debug/failslab/

    if (opts_.builtin_drivers) {
        for (const BuiltinDriver& d : builtin_drivers()) {
            if (!d.init) continue;
            int ret = d.init();
            if (ret) printk(KERN_WARNING "initcall %s_init returned %d\n", d.name.c_str(), ret);
        }
    }
    printk(KERN_INFO "Run /sbin/init as init process\n");
}

Kernel::~Kernel() {
    printk(KERN_INFO "reboot: shutting down\n");
    watchdog.stop();
    tasks.exit_all(false);  // closes every open file, dropping module references
    // Newest module first: a module can only depend on older ones.
    auto mods = modules.all();
    for (auto it = mods.rbegin(); it != mods.rend(); ++it) unload_module(*this, (*it)->name, kUnloadShutdown);
    if (opts_.builtin_drivers) {
        auto& drivers = builtin_drivers();
        for (auto it = drivers.rbegin(); it != drivers.rend(); ++it)
            if (it->init && it->exit) it->exit();
    }
    // The kernel's own threads last: modules' cleanup may still queue work.
    workqueues.stop_all();
    system_wq = nullptr;
    kthreads.stop_owned_by(nullptr);
    timers.stop();
    tasks.exit_all(true);
    printk(KERN_INFO "reboot: Power down\n");
    running.store(nullptr);
}

void Kernel::add_taint(unsigned flag) { tainted_.fetch_or(1UL << flag); }

}  // namespace sk
