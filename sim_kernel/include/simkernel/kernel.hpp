// kernel.hpp - one simulated kernel: boot, the subsystems, shutdown.
//
//     sk::Kernel k({.root = dir});   // boots: log, built-in drivers, init task
//     ...                            // system calls through sk/user.hpp
//     // ~Kernel: modules unloaded newest first, built-ins stopped
//
// One kernel runs in a process at a time, as one runs on a machine: the
// module API (printk, register_chrdev, ...) is plain C and finds it through
// sk::kernel().
#pragma once

#include <simkernel/chrdev.hpp>
#include <simkernel/debugfs.hpp>
#include <simkernel/devtmpfs.hpp>
#include <simkernel/ksyms.hpp>
#include <simkernel/kthread.hpp>
#include <simkernel/ioport.hpp>
#include <simkernel/machine.hpp>
#include <simkernel/module.hpp>
#include <simkernel/printk.hpp>
#include <simkernel/proc_registry.hpp>
#include <simkernel/slab.hpp>
#include <simkernel/task.hpp>
#include <simkernel/timers.hpp>
#include <simkernel/softirq.hpp>
#include <simkernel/watchdog.hpp>
#include <simkernel/workqueue.hpp>

#include <atomic>
#include <filesystem>
#include <string>

namespace sk {

// The release string: uname -r, vermagic, /lib/modules/<release>.
const char* kernel_release();
const char* kernel_vermagic();

struct BootOptions {
    std::filesystem::path root;        // the simulated root directory
    LogBuffer::ConsoleSink console;    // default: the host's stdout
    size_t log_buf_len = 128 * 1024;   // bytes of ring buffer (log_buf_len=)
    bool builtin_drivers = true;       // run the built-in drivers' init
    bool log_to_file = true;           // mirror to <root>/var/log/system.log
};

class Kernel {
public:
    explicit Kernel(BootOptions opts);
    ~Kernel();
    Kernel(const Kernel&) = delete;
    Kernel& operator=(const Kernel&) = delete;

    const BootOptions& options() const { return opts_; }
    const std::filesystem::path& root() const { return opts_.root; }

    void add_taint(unsigned flag);
    unsigned long tainted() const { return tainted_.load(); }
    std::atomic<int> die_counter{0};  // Oopses so far: "[#1]"

    Task* init_task() const { return init_; }
    // Wall-clock time of boot: the times /dev, /proc and /sys report.
    time_t boot_time() const { return boot_time_; }

private:
    BootOptions opts_;
    std::atomic<unsigned long> tainted_{0};
    Task* init_ = nullptr;
    time_t boot_time_ = time(nullptr);

public:
    // Subsystems, in the order they start (and the reverse of how they stop).
    LogBuffer log;
    SymbolTable symbols;
    ChrdevTable chrdevs;
    DevTmpfs devfs;
    IrqTable irqs;
    IoPortTable ioports;  // who claimed which I/O ports (request_region)
    Machine machine;
    Slab slab;
    ModuleList modules;
    ProcRegistry proc;  // modules' /proc entries
    DebugfsTree debugfs;  // modules' /sys/kernel/debug entries
    TaskTable tasks;
    TimerBase timers;           // the timer thread (Linux's timer softirq)
    TaskletQueue tasklets;      // the tasklet thread (Linux's tasklet softirqs)
    KThreads kthreads{tasks};   // kernel threads, each a task
    Workqueues workqueues{kthreads};
    Watchdog watchdog{*this};   // soft lockups and hung tasks
};

// The running kernel. Module API calls made with no kernel booted abort.
Kernel& kernel();
Kernel* kernel_if_running();

// Built-in drivers recorded by module_init() when not built as modules.
struct BuiltinDriver {
    std::string name;
    initcall_t init = nullptr;
    exitcall_t exit = nullptr;
};
std::vector<BuiltinDriver>& builtin_drivers();

}  // namespace sk
