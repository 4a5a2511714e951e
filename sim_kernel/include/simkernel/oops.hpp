// oops.hpp - what happens when kernel code faults: the trap, the report,
// and who dies (arch/x86/kernel/traps.c, arch/x86/mm/fault.c and
// arch/x86/kernel/dumpstack.c in Linux).
//
// Module code runs inside the simkernel process, so a NULL dereference in a
// driver is a host SIGSEGV. traps.cpp turns that signal, when it happens in
// a *kernel context* (a system call, a kernel thread, a timer, a work item,
// an interrupt handler, a module's init or exit), into a C++ exception,
// KernelFault. The exception unwinds the kernel's frames (their destructors
// release what they held) up to the place that entered the context, which
// prints Linux's Oops report and decides what dies:
//
//   a system call     -> the task is killed (SIGKILL: the shell says "Killed")
//   a kernel thread   -> the thread ends
//   a timer, a work item, an interrupt handler -> that one call is dropped
//
// and the kernel goes on. Anywhere else (a bug in simkernel itself) the
// process still dies, but only after saying why, with the log on disk.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace sk {

class Kernel;
struct Task;

// What the CPU would have reported.
enum class FaultKind {
    PageFault,         // SIGSEGV/SIGBUS at an address: "BUG: kernel NULL pointer dereference"
    GeneralProtection, // SIGSEGV with no address (a non-canonical pointer)
    StackOverflow,     // SIGSEGV on the guard page below the stack
    DivideError,       // SIGFPE
    InvalidOpcode,     // SIGILL
    Bug,               // BUG()/BUG_ON(): ud2 after recording file and line
    Breakpoint,        // SIGTRAP (int3 left in code)
    SoftLockup,        // not a CPU fault: the watchdog ended a task stuck in module code
};

struct KernelFault {
    static constexpr int kMaxFrames = 48;

    FaultKind kind = FaultKind::PageFault;
    int signo = 0;
    uintptr_t ip = 0;             // RIP at the fault
    uintptr_t sp = 0;             // RSP at the fault
    uintptr_t address = 0;        // CR2: the address that faulted
    unsigned long error_code = 0; // x86 #PF error code, supervisor mode
    const char* bug_file = nullptr;
    int bug_line = 0;
    uintptr_t stack_lo = 0, stack_hi = 0;  // the thread's stack, for StackOverflow
    void* frames[kMaxFrames] = {};         // return addresses, innermost first
    int nframes = 0;
};

// Where a fault was caught: decides the report's markers (<TASK> or <IRQ>)
// and the note on what Linux would have done.
enum class OopsContext { Task, KernelThread, Timer, WorkItem, Interrupt, Tasklet };

// Installs the process's trap handlers (once) and this thread's alternate
// signal stack. Boot calls it; TrapScope calls it for each new thread.
void trap_init(const std::string& logfile);

// While a TrapScope lives on this thread, a fault is a KernelFault thrown
// from the faulting instruction. Scopes nest.
class TrapScope {
public:
    TrapScope();
    ~TrapScope();
    TrapScope(const TrapScope&) = delete;
    TrapScope& operator=(const TrapScope&) = delete;
};

// The Oops report (Linux's die(): headline, Oops line, CPU line, RIP, call
// trace, modules, end marker); taints D. Then, in a task's context, the
// locks it still held are named.
void report_oops(const KernelFault& f, OopsContext ctx);

// In task context: report, and make the task die on its way out of the
// kernel (SIGKILL). Other contexts: report only.
void oops_in_context(const KernelFault& f, OopsContext ctx);

bool in_trap_scope();  // is this thread inside a kernel context?
int watchdog_signal();  // the host signal the watchdog sends a task's thread (SIGRTMIN + 4)

// The watchdog's reports (watchdog.cpp): a task stuck running in the
// kernel, and one blocked uninterruptibly, with where its thread was.
void report_stuck_task(Task& t, const std::string& headline, uintptr_t ip, void* const* frames, int n);
void report_hung_task(Task& t, int seconds, uintptr_t ip, void* const* frames, int n);

// Linux's add_taint(flag, LOCKDEP_NOW_UNRELIABLE): taints, and the first
// taint that makes lock debugging unreliable (P, F, R, D) says so, once
// (module_loader.cpp; an Oops taints D through it).
void add_taint_lockdep_unreliable(Kernel& k, unsigned flag);

// Runs fn() in a trap scope. On a fault: oops_in_context() and false.
template <class F>
bool run_trapped(OopsContext ctx, F&& fn) {
    try {
        TrapScope scope;
        fn();
        return true;
    } catch (const KernelFault& f) {
        oops_in_context(f, ctx);
        return false;
    }
}

// Symbolizing code addresses, as %pS prints them: "fn+0x5/0x17 [module]"
// for module code, "vfs_write+0xc7/0x3f0" for the kernel's own functions,
// under their Linux names. Empty if nothing holds addr.
struct CodeSymbol {
    std::string name;    // the function
    uintptr_t offset = 0;
    uintptr_t size = 0;
    std::string module;  // "" for the kernel itself
    bool kernel = false; // in a module or the kernel library (not the C library, ...)
};
bool symbolize(uintptr_t addr, CodeSymbol* out);
std::string format_symbol(uintptr_t addr);  // "%pS": "fn+0x5/0x17 [mod]" or "0x..."

// "faulty(OE) ticker(O)": Linux's print_modules() list.
std::string modules_linked_in();

// A driver broke the rules of its interface (a read returning more than
// asked, a copy outside the caller's buffer, a release failing): said once
// per function, with the function's name, at KERN_WARNING; taints W.
void driver_contract_violation(uintptr_t code_address, const std::string& what);

// kernel/panic.c's print_tainted(): "Tainted: G    B      O     ".
std::string print_tainted(unsigned long mask);

// The CPU line and the call trace, from the frame that returns to caller
// outward (lib/dump_stack.c's dump_stack); from here if caller is 0.
void dump_stack_from(uintptr_t caller, const char* level);

// Frames as a call trace prints them ("fn+0x5/0x17 [mod]"), kernel and
// module code only, up to the entry into the kernel.
std::vector<std::string> symbolized_frames(void* const* frames, int n);

// The warning Linux's WARN() prints, from file:line at caller; taints W.
void report_warning(const char* file, int line, uintptr_t caller, const char* message);

}  // namespace sk
