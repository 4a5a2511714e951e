// dumpstack.cpp - the Oops and WARNING reports (arch/x86/kernel/dumpstack.c,
// kernel/panic.c's __warn and print_tainted, lib/dump_stack.c).
//
// The lines are Linux's, in Linux's order, so that a student who learns to
// read one here can read one from a real machine:
//
//   BUG: kernel NULL pointer dereference, address: 0000000000000000
//   #PF: supervisor write access in kernel mode
//   #PF: error_code(0x0002) - not-present page
//   Oops: 0002 [#1] PREEMPT SMP
//   CPU: 0 PID: 7 Comm: echo Tainted: G           OE      6.8.0-simkernel #1
//   Hardware name: simkernel
//   RIP: 0010:faulty_write+0x5/0x17 [faulty]
//   Call Trace:
//    <TASK>
//    vfs_write+0xc7/0x3f0
//    ...
//    </TASK>
//   Modules linked in: faulty(OE) [last unloaded: hello(OE)]
//   CR2: 0000000000000000
//   ---[ end trace 0000000000000000 ]---
//
// Then what Linux does not say and a student needs: which locks the dead
// context still held.
#include <simkernel/held_locks.hpp>
#include <simkernel/kernel.hpp>
#include <simkernel/oops.hpp>

#include <fmt/format.h>

#include <execinfo.h>

#include <csignal>
#include <cstdarg>
#include <mutex>
#include <set>
#include <simkernel/export.hpp>

namespace sk {

namespace {

constexpr uintptr_t kPage = 4096;

// The whole report reaches the console, as Linux's oops_begin() makes it
// with console_verbose(); simkernel then puts the level back.
class ConsoleVerbose {
public:
    explicit ConsoleVerbose(LogBuffer& log) : log_(log), saved_(log.console_loglevel()) {
        log_.set_console_loglevel(15);  // CONSOLE_LOGLEVEL_MOTORMOUTH
    }
    ~ConsoleVerbose() { log_.set_console_loglevel(saved_); }

private:
    LogBuffer& log_;
    int saved_;
};

void say(const char* level, const std::string& line) { printk("%s%s\n", level, line.c_str()); }

}  // namespace

// kernel/panic.c's print_tainted(): one column per taint flag, in order.
std::string print_tainted(unsigned long mask) {
    if (!mask) return "Not tainted";
    static const char letters[] = "PFSRMBUDAWCIOELKXTN";  // TAINT_FLAGS_COUNT = 19
    std::string out = "Tainted: ";
    for (int i = 0; letters[i]; ++i) out += (mask & (1UL << i)) ? letters[i] : (i == 0 ? 'G' : ' ');
    return out;
}

namespace {

std::string cpu_line(const Kernel& k, const Task* t = current_task()) {
    // Outside any task (the timer "softirq"), Linux shows the idle task.
    return fmt::format("CPU: 0 PID: {} Comm: {:.20} {} {} #1", t ? t->pid : 0, t ? t->comm : "swapper/0",
                       print_tainted(k.tainted()), kernel_release());
}

bool is_entry_point(const std::string& name) {
    for (const char* entry : {"do_syscall_64", "kthread", "run_timer_softirq", "tasklet_action", "worker_thread",
                              "handle_irq_event"})
        if (name == entry) return true;
    return false;
}

// The call trace, callers of the RIP function outward, up to the entry
// into the kernel. Frames of the host's libraries are left out.
void print_call_trace(void* const* frames, int n, bool in_irq, const char* level = KERN_WARNING) {
    say(level, "Call Trace:");
    say(level, in_irq ? " <IRQ>" : " <TASK>");
    int repeats = 0;  // runaway recursion: one line, and how often it repeats
    for (int i = 0; i < n; ++i) {
        auto addr = reinterpret_cast<uintptr_t>(frames[i]);
        CodeSymbol s;
        if (!symbolize(addr, &s) || !s.kernel || (s.module.empty() && s.name.empty())) continue;
        if (i > 0 && frames[i] == frames[i - 1] && i + 1 < n) {
            ++repeats;
            continue;
        }
        if (repeats) say(level, fmt::format(" (the frame above repeats {} more times)", repeats));
        repeats = 0;
        say(level, " " + format_symbol(addr));
        if (s.module.empty() && is_entry_point(s.name)) break;
    }
    if (repeats) say(level, fmt::format(" (the frame above repeats {} more times, and further)", repeats));
    say(level, in_irq ? " </IRQ>" : " </TASK>");
}

const char* access_kind(unsigned long error_code) {
    if (error_code & (1UL << 4)) return "instruction fetch";
    return (error_code & (1UL << 1)) ? "write access" : "read access";
}

// The headline and the die() string for each kind of fault.
const char* headline(const KernelFault& f) {
    switch (f.kind) {
    case FaultKind::PageFault:
        if (f.address < kPage)
            say(KERN_ALERT, fmt::format("BUG: kernel NULL pointer dereference, address: {:016x}", f.address));
        else
            say(KERN_ALERT, fmt::format("BUG: unable to handle page fault for address: {:016x}", f.address));
        say(KERN_ALERT, fmt::format("#PF: supervisor {} in kernel mode", access_kind(f.error_code)));
        say(KERN_ALERT, fmt::format("#PF: error_code({:#06x}) - {}", f.error_code & 0xffff,
                                    (f.error_code & 1) ? "permissions violation" : "not-present page"));
        return "Oops";
    case FaultKind::StackOverflow:
        say(KERN_EMERG, fmt::format("BUG: TASK stack guard page was hit at {:016x} (stack is {:016x}..{:016x})",
                                    f.address, f.stack_lo, f.stack_hi));
        return "kernel stack overflow (double-fault)";
    case FaultKind::GeneralProtection: return "general protection fault";
    case FaultKind::DivideError: return "divide error";
    case FaultKind::InvalidOpcode: return "invalid opcode";
    case FaultKind::Bug:
        say(KERN_CRIT, fmt::format("kernel BUG at {}:{}!", f.bug_file ? f.bug_file : "?", f.bug_line));
        return "invalid opcode";
    case FaultKind::Breakpoint: return "int3";
    case FaultKind::SoftLockup: return "soft lockup";
    }
    return "Oops";
}

void print_held_locks() {
    std::vector<HeldLock> locks = held_locks();
    if (locks.empty()) return;
    Task* t = current_task();
    std::string who = t ? fmt::format("{}/{}", t->comm, t->pid) : "swapper/0";
    say(KERN_WARNING, fmt::format("{} lock{} held by {}:", locks.size(), locks.size() == 1 ? "" : "s", who));
    for (size_t i = 0; i < locks.size(); ++i)
        say(KERN_WARNING, fmt::format(" #{}: {:016x} ({}){{{}}}, at: {}", i, reinterpret_cast<uintptr_t>(locks[i].lock),
                                      locks[i].name ? locks[i].name : "?", lock_kind_name(locks[i].kind),
                                      format_symbol(locks[i].ip)));
    say(KERN_WARNING, fmt::format("simkernel: {} died holding {}: {} stay{} locked, and whoever takes {} next "
                                  "waits forever (as on Linux)",
                                  who, locks.size() == 1 ? "this lock" : "these locks", locks.size() == 1 ? "it" : "they",
                                  locks.size() == 1 ? "s" : "", locks.size() == 1 ? "it" : "one"));
    orphan_held_locks();
}


}  // namespace

std::string modules_linked_in() {
    Kernel& k = kernel();
    std::string out;
    std::vector<Module*> mods = k.modules.all();
    for (auto it = mods.rbegin(); it != mods.rend(); ++it) {  // newest first, as Linux's list
        Module* m = *it;
        std::string flags = taint_letters(m->taints, true);
        if (m->state.load() == ModuleState::Loading) flags += '+';
        if (m->state.load() == ModuleState::Unloading) flags += '-';
        out += (out.empty() ? "" : " ") + m->name + (flags.empty() ? "" : "(" + flags + ")");
    }
    std::string last = k.modules.last_unloaded();
    if (!last.empty()) out += (out.empty() ? "" : " ") + fmt::format("[last unloaded: {}]", last);
    return out;
}

void report_oops(const KernelFault& f, OopsContext ctx) {
    Kernel& k = kernel();
    ConsoleVerbose verbose(k.log);
    const char* what = headline(f);
    unsigned long err = f.kind == FaultKind::PageFault ? f.error_code & 0xffff : 0;
    say(KERN_WARNING, fmt::format("{}: {:04x} [#{}] PREEMPT SMP", what, err, ++k.die_counter));
    say(KERN_WARNING, cpu_line(k));
    say(KERN_WARNING, "Hardware name: simkernel");
    say(KERN_WARNING, "RIP: 0010:" + format_symbol(f.ip));
    bool in_irq = ctx == OopsContext::Timer || ctx == OopsContext::Interrupt || ctx == OopsContext::Tasklet;
    // frames[0] is the RIP function itself: the trace starts at its caller.
    print_call_trace(f.frames + 1, f.nframes > 1 ? f.nframes - 1 : 0, in_irq);
    say(KERN_WARNING, "Modules linked in: " + modules_linked_in());
    if (f.kind == FaultKind::PageFault) say(KERN_ALERT, fmt::format("CR2: {:016x}", f.address));
    say(KERN_WARNING, "---[ end trace 0000000000000000 ]---");
    if (f.kind == FaultKind::StackOverflow)
        say(KERN_WARNING, fmt::format("simkernel: the stack ran out ({} KiB; Linux gives a task 16 KiB): "
                                      "look for recursion that does not end",
                                      (f.stack_hi - f.stack_lo) / 1024));
    print_held_locks();
    if (in_irq)
        say(KERN_EMERG, fmt::format("simkernel: Linux would panic here (\"Kernel panic - not syncing: Fatal "
                                    "exception in interrupt\"); simkernel drops this {} call and goes on",
                                    ctx == OopsContext::Timer     ? "timer"
                                    : ctx == OopsContext::Tasklet ? "tasklet"
                                                                  : "interrupt handler"));
    add_taint_lockdep_unreliable(k, TAINT_DIE);
}

void report_stuck_task(Task& t, const std::string& headline, uintptr_t ip, void* const* frames, int n) {
    Kernel& k = kernel();
    say(KERN_EMERG, headline);
    say(KERN_WARNING, "Modules linked in: " + modules_linked_in());
    say(KERN_WARNING, cpu_line(k, &t));
    say(KERN_WARNING, "Hardware name: simkernel");
    if (ip) {
        say(KERN_WARNING, "RIP: 0010:" + format_symbol(ip));
        print_call_trace(frames, n, false);
    }
}

void report_hung_task(Task& t, int seconds, uintptr_t ip, void* const* frames, int n) {
    Kernel& k = kernel();
    say(KERN_ERR, fmt::format("INFO: task {}:{} blocked for more than {} seconds.", t.comm, t.pid, seconds));
    say(KERN_ERR, fmt::format("      {} {} #1", print_tainted(k.tainted()), kernel_release()));
    say(KERN_ERR, "\"echo 0 > /proc/sys/kernel/hung_task_timeout_secs\" disables this message.");
    say(KERN_INFO, fmt::format("task:{:<15} state:D stack:0     pid:{:<5} ppid:{:<6} flags:0x00000000", t.comm,
                               t.pid, t.ppid));
    if (ip) print_call_trace(frames, n, false, KERN_INFO);  // sched_show_task(): KERN_INFO, as Linux
}

// A task with a fatal signal, stuck in module code: the watchdog unwound it.
void report_forced_end(const KernelFault& f) {
    Task* t = current_task();
    say(KERN_WARNING, fmt::format("simkernel: {}:{} was stuck in {} and got {}: the kernel unwound the call "
                                  "(Linux cannot: a loop in the kernel must sleep, or check signal_pending())",
                                  t ? t->comm : "?", t ? t->pid : 0, format_symbol(f.ip), sigabbrev_np(f.signo)
                                      ? fmt::format("SIG{}", sigabbrev_np(f.signo)) : "a signal"));
}

void oops_in_context(const KernelFault& f, OopsContext ctx) {
    if (f.kind == FaultKind::SoftLockup) return report_forced_end(f);  // its own signal ends it
    report_oops(f, ctx);
    // The task that oopsed does not return to user space (make_task_dead).
    if (ctx == OopsContext::Task)
        if (Task* t = current_task()) t->sigpending.fetch_or(1UL << SIGKILL);
}

void report_warning(const char* file, int line, uintptr_t caller, const char* message) {
    Kernel& k = kernel();
    void* frames[KernelFault::kMaxFrames];
    int n = backtrace(frames, KernelFault::kMaxFrames);
    int first = 0;  // the frame of the function that warned
    while (first < n && reinterpret_cast<uintptr_t>(frames[first]) != caller) ++first;
    say(KERN_WARNING, "------------[ cut here ]------------");
    if (message && *message) printk(KERN_WARNING "%s", message);
    Task* t = current_task();
    say(KERN_WARNING, fmt::format("WARNING: CPU: 0 PID: {} at {}:{} {}", t ? t->pid : 0, file, line,
                                  format_symbol(caller)));
    say(KERN_WARNING, "Modules linked in: " + modules_linked_in());
    say(KERN_WARNING, cpu_line(k));
    say(KERN_WARNING, "Hardware name: simkernel");
    say(KERN_WARNING, "RIP: 0010:" + format_symbol(caller));
    if (first < n) print_call_trace(frames + first + 1, n - first - 1, t == nullptr);
    say(KERN_WARNING, "---[ end trace 0000000000000000 ]---");
    k.add_taint(TAINT_WARN);
}

// The frames a call trace would print, symbolized, up to the entry into
// the kernel (lockdep's chains print several).
std::vector<std::string> symbolized_frames(void* const* frames, int n) {
    std::vector<std::string> out;
    for (int i = 0; i < n; ++i) {
        auto addr = reinterpret_cast<uintptr_t>(frames[i]);
        CodeSymbol s;
        if (!symbolize(addr, &s) || !s.kernel || (s.module.empty() && s.name.empty())) continue;
        out.push_back(format_symbol(addr));
        if (s.module.empty() && is_entry_point(s.name)) break;
    }
    return out;
}

// lib/dump_stack.c's dump_stack(), from the frame of caller outward (the
// frames of the checker that calls this are left out); from here if 0.
void dump_stack_from(uintptr_t caller, const char* level) {
    Kernel& k = kernel();
    void* frames[KernelFault::kMaxFrames];
    int n = backtrace(frames, KernelFault::kMaxFrames);
    int first = 0;
    if (caller) {
        while (first < n && reinterpret_cast<uintptr_t>(frames[first]) != caller) ++first;
        if (first == n) first = 0;
        else --first;  // print_call_trace starts at the caller's own frame
    }
    Task* t = current_task();
    say(level, cpu_line(k));
    say(level, "Hardware name: simkernel");
    print_call_trace(frames + first + 1, n - first - 1, t == nullptr, level);
}

void driver_contract_violation(uintptr_t code_address, const std::string& what) {
    static std::mutex mutex;
    static std::set<std::pair<Kernel*, uintptr_t>> said;  // once per function, per boot
    Kernel& k = kernel();
    {
        std::lock_guard lock(mutex);
        if (!said.insert({&k, code_address}).second) return;
    }
    CodeSymbol s;
    std::string who = symbolize(code_address, &s) && !s.name.empty()
                          ? (s.module.empty() ? s.name : fmt::format("{} [{}]", s.name, s.module))
                          : fmt::format("{:#x}", code_address);
    say(KERN_WARNING, fmt::format("simkernel: {} {}", who, what));
    k.add_taint(TAINT_WARN);
}

}  // namespace sk

// <asm/bug.h>'s WARN_ON() and WARN(): the caller is the module's code.
extern "C" void __sk_warn(const char* file, int line) {
    sk::report_warning(file, line, reinterpret_cast<uintptr_t>(__builtin_return_address(0)), nullptr);
}
EXPORT_SYMBOL(__sk_warn);

extern "C" void __sk_warn_printf(const char* file, int line, const char* fmt, ...) {
    char message[512];
    va_list ap;
    va_start(ap, fmt);
    sk_vsnprintf(message, sizeof message, fmt, ap);
    va_end(ap);
    sk::report_warning(file, line, reinterpret_cast<uintptr_t>(__builtin_return_address(0)), message);
}
EXPORT_SYMBOL(__sk_warn_printf);
