// traps.cpp - host signals as CPU exceptions (arch/x86/kernel/traps.c and
// arch/x86/mm/fault.c in Linux).
//
// A fault in module code is a host signal: SIGSEGV for a bad pointer,
// SIGFPE for a division by zero, SIGILL for ud2 (BUG()). The handler reads
// what the CPU would have reported from the signal's context (RIP, the
// faulting address, the #PF error code), takes the call trace, and, if the
// thread is inside a kernel context (a TrapScope), throws a KernelFault
// from the faulting instruction. Unwinding runs the destructors of the
// kernel frames in between, so the kernel's own locks and references are
// given back, and the context's entry catches it (oops.hpp).
//
// A fault outside any kernel context is a bug in simkernel itself: the
// handler says so in one line on the terminal and in the log file, then
// hands the signal to whoever had it before (the sanitizers' reports, or
// the default action).
#include <simkernel/oops.hpp>

#include <execinfo.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <sys/mman.h>
#include <ucontext.h>
#include <unistd.h>

#include <cstring>
#include <mutex>
#include <simkernel/export.hpp>

namespace sk {

namespace {

constexpr size_t kAltStackSize = 256 * 1024;  // the handler and the unwinder run here
constexpr uintptr_t kPage = 4096;
constexpr uintptr_t kGuardSlack = 256 * 1024;  // a fault this far below the stack is an overflow

// x86 page-fault error code bits (arch/x86/include/asm/trap_pf.h).
constexpr unsigned long X86_PF_USER = 1UL << 2;
constexpr unsigned long X86_PF_INSTR = 1UL << 4;

// Per-thread state. Plain data with constant initialisers, so the signal
// handler can read it without running a TLS constructor.
struct ThreadTraps {
    int depth;          // TrapScopes alive on this thread
    bool in_handler;    // a fault inside the handler is fatal
    bool ready;         // alternate stack and signal mask set up
    uintptr_t stack_lo, stack_hi;
    const char* bug_file;  // set by BUG() just before its ud2
    int bug_line;
};
thread_local ThreadTraps traps = {0, false, false, 0, 0, nullptr, 0};

// A call through a bad function pointer faults where there is no code, so
// no unwinder can start there. The handler then makes it look as if the
// caller had called throw_from_call_site instead (the return address is
// already on the stack), and that function throws the fault.
thread_local KernelFault pending_fault;

[[noreturn]] __attribute__((noinline)) void throw_from_call_site() {
    KernelFault f = pending_fault;
    void* raw[KernelFault::kMaxFrames];
    int n = backtrace(raw, KernelFault::kMaxFrames);
    f.nframes = 1;  // frames[0] stays the bad RIP; then the caller onwards
    for (int i = 1; i < n && f.nframes < KernelFault::kMaxFrames; ++i) f.frames[f.nframes++] = raw[i];
    throw f;
}

// Frees the thread's alternate stack when the thread ends.
struct AltStack {
    void* base = nullptr;
    ~AltStack() {
        if (!base) return;
        stack_t off{};
        off.ss_flags = SS_DISABLE;
        sigaltstack(&off, nullptr);
        munmap(base, kAltStackSize);
    }
};
thread_local AltStack alt_stack;

const int kTrapSignals[] = {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGTRAP};
struct sigaction previous[NSIG];  // whoever handled each signal before us
int log_fd = -1;                  // the log file, for the last words of a crash
char log_path[512];

// --- async-signal-safe output -------------------------------------------

void put(int fd, const char* s) {
    if (fd >= 0) (void)!::write(fd, s, strlen(s));
}

void put_hex(char* out, uintptr_t v) {
    static const char digits[] = "0123456789abcdef";
    out[0] = '0';
    out[1] = 'x';
    for (int i = 0; i < 16; ++i) out[2 + i] = digits[(v >> (60 - 4 * i)) & 0xf];
    out[18] = '\0';
}

const char* signal_text(int sig) {
    switch (sig) {
    case SIGSEGV: return "Segmentation fault";
    case SIGBUS: return "Bus error";
    case SIGFPE: return "Floating point exception";
    case SIGILL: return "Illegal instruction";
    case SIGTRAP: return "Trace/breakpoint trap";
    case SIGABRT: return "Aborted";
    default: return "fatal signal";
    }
}

// A crash of simkernel's own code: say so, keep the log, pass it on.
void die_outside_kernel(int sig, siginfo_t* si, void* uctx) {
    char where[19] = "?";
    if (uctx) put_hex(where, static_cast<uintptr_t>(static_cast<ucontext_t*>(uctx)->uc_mcontext.gregs[REG_RIP]));
    const char* parts[] = {"simkernel: the simulator itself crashed (", signal_text(sig), " at ", where,
                           ", outside any kernel context: a bug in simkernel, not in your module); "
                           "the kernel log is in ", log_path[0] ? log_path : "(no log file)", "\n"};
    for (const char* p : parts) put(STDERR_FILENO, p);
    for (const char* p : parts) put(log_fd, p);
    // Whoever had the signal before (a sanitizer's report), or the default.
    const struct sigaction& old = previous[sig];
    if ((old.sa_flags & SA_SIGINFO) && old.sa_sigaction) {
        old.sa_sigaction(sig, si, uctx);
    } else if (old.sa_handler != SIG_DFL && old.sa_handler != SIG_IGN) {
        old.sa_handler(sig);
    }
    signal(sig, SIG_DFL);
    if (sig == SIGABRT) raise(sig);
    // Returning re-runs the faulting instruction, now with the default action.
}

FaultKind classify(int sig, const siginfo_t* si, uintptr_t address, ThreadTraps& t) {
    switch (sig) {
    case SIGFPE: return FaultKind::DivideError;
    case SIGTRAP: return FaultKind::Breakpoint;
    case SIGILL: return t.bug_file ? FaultKind::Bug : FaultKind::InvalidOpcode;
    default: break;
    }
    if (sig == SIGSEGV && si->si_code == SI_KERNEL) return FaultKind::GeneralProtection;
    if (t.stack_lo && address + kGuardSlack >= t.stack_lo && address < t.stack_lo + kPage)
        return FaultKind::StackOverflow;
    return FaultKind::PageFault;
}

void on_trap(int sig, siginfo_t* si, void* uctx) {
    ThreadTraps& t = traps;
    if (t.depth == 0 || t.in_handler || !uctx) return die_outside_kernel(sig, si, uctx);
    t.in_handler = true;
    const greg_t* gregs = static_cast<ucontext_t*>(uctx)->uc_mcontext.gregs;

    KernelFault f;
    f.signo = sig;
    f.ip = static_cast<uintptr_t>(gregs[REG_RIP]);
    f.sp = static_cast<uintptr_t>(gregs[REG_RSP]);
    f.address = reinterpret_cast<uintptr_t>(si->si_addr);
    // The host saw a user-mode fault; the simulated CPU was in the kernel.
    f.error_code = static_cast<unsigned long>(gregs[REG_ERR]) & ~X86_PF_USER;
    f.kind = classify(sig, si, f.address, t);
    if (f.kind == FaultKind::Bug) {
        f.bug_file = t.bug_file;
        f.bug_line = t.bug_line;
        t.bug_file = nullptr;
    }
    f.stack_lo = t.stack_lo;
    f.stack_hi = t.stack_hi;

    if (f.kind == FaultKind::PageFault && (f.error_code & X86_PF_INSTR) && f.address == f.ip) {
        f.frames[0] = reinterpret_cast<void*>(f.ip);
        pending_fault = f;
        auto& regs = static_cast<ucontext_t*>(uctx)->uc_mcontext.gregs;
        regs[REG_RIP] = reinterpret_cast<greg_t>(&throw_from_call_site);
        t.in_handler = false;
        return;  // sigreturn "calls" it from the module's call site
    }

    // The trace from here passes through this handler and the signal frame;
    // keep what starts at the faulting instruction.
    void* raw[KernelFault::kMaxFrames + 8];
    int n = backtrace(raw, KernelFault::kMaxFrames + 8);
    int first = 0;
    while (first < n && reinterpret_cast<uintptr_t>(raw[first]) != f.ip) ++first;
    if (first == n) {  // the unwinder could not see past the signal frame
        raw[0] = reinterpret_cast<void*>(f.ip);
        first = 0;
        n = 1;
    }
    for (int i = first; i < n && f.nframes < KernelFault::kMaxFrames; ++i) f.frames[f.nframes++] = raw[i];

    t.in_handler = false;
    throw f;  // SA_NODEFER: the signal is not left blocked behind us
}

void on_abort(int sig, siginfo_t* si, void* uctx) { die_outside_kernel(sig, si, uctx); }

void install_handlers() {
    void* warm[2];
    backtrace(warm, 2);  // loads the unwinder now, not inside a handler
    struct sigaction sa {};
    sa.sa_sigaction = on_trap;
    sa.sa_flags = SA_SIGINFO | SA_ONSTACK | SA_NODEFER;
    sigemptyset(&sa.sa_mask);
    for (int sig : kTrapSignals) sigaction(sig, &sa, &previous[sig]);
    sa.sa_sigaction = on_abort;
    sa.sa_flags = SA_SIGINFO | SA_RESETHAND;
    sigaction(SIGABRT, &sa, &previous[SIGABRT]);
}

// The first TrapScope on a thread: an alternate stack for the handler (a
// stack overflow leaves no room on the thread's own), the stack's bounds
// to recognise one, and the fault signals unblocked (a kernel thread
// starts with every signal blocked, and a blocked SIGSEGV kills the process).
void prepare_thread(ThreadTraps& t) {
    t.ready = true;
    stack_t old{};
    if (sigaltstack(nullptr, &old) != 0 || (old.ss_flags & SS_DISABLE) || old.ss_size < kAltStackSize) {
        void* base = mmap(nullptr, kAltStackSize, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (base != MAP_FAILED) {
            stack_t ss{};
            ss.ss_sp = base;
            ss.ss_size = kAltStackSize;
            if (sigaltstack(&ss, nullptr) == 0) alt_stack.base = base;
            else munmap(base, kAltStackSize);
        }
    }
    pthread_attr_t attr;
    if (pthread_getattr_np(pthread_self(), &attr) == 0) {
        void* addr = nullptr;
        size_t size = 0;
        if (pthread_attr_getstack(&attr, &addr, &size) == 0) {
            t.stack_lo = reinterpret_cast<uintptr_t>(addr);
            t.stack_hi = t.stack_lo + size;
        }
        pthread_attr_destroy(&attr);
    }
    sigset_t faults;
    sigemptyset(&faults);
    for (int sig : kTrapSignals) sigaddset(&faults, sig);
    sigaddset(&faults, watchdog_signal());
    pthread_sigmask(SIG_UNBLOCK, &faults, nullptr);
}

}  // namespace

void trap_init(const std::string& logfile) {
    static std::once_flag once;
    std::call_once(once, install_handlers);
    // The newest kernel's log gets the last words of a crash.
    if (log_fd >= 0) ::close(log_fd);
    log_fd = logfile.empty() ? -1 : ::open(logfile.c_str(), O_WRONLY | O_APPEND | O_CLOEXEC);
    snprintf(log_path, sizeof log_path, "%s", logfile.c_str());
}

bool in_trap_scope() { return traps.depth > 0; }

int watchdog_signal() { return SIGRTMIN + 4; }

TrapScope::TrapScope() {
    ThreadTraps& t = traps;
    if (!t.ready) prepare_thread(t);
    ++t.depth;
}

TrapScope::~TrapScope() { --traps.depth; }

}  // namespace sk

// BUG(): remember where, then ud2 in the caller (<asm/bug.h>), so the
// trap's RIP is the module's own instruction, as on Linux.
extern "C" void __sk_bug_site(const char* file, int line) {
    sk::traps.bug_file = file;
    sk::traps.bug_line = line;
}
EXPORT_SYMBOL(__sk_bug_site);
