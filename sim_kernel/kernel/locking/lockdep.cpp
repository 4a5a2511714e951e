// lockdep.cpp - the lock validator (kernel/locking/lockdep.c) and the
// sleep-in-atomic check (kernel/sched/core.c's __might_sleep).
//
// Each lock taken while others are held adds an order between classes:
// "A was held when B was taken" (an edge A -> B, with where each was taken).
// Before a new edge is added, the graph is searched for a path the other way
// (B -> ... -> A): if there is one, two contexts taking the locks in these
// two orders at the same time would deadlock, and that is reported now, the
// first time the contradicting order is seen, whether or not it deadlocks
// this time. The held stack itself (which locks this context holds) is
// held_locks.cpp's; this file only reads and extends it.
//
// The graph is one table under one mutex, taken only when a lock is taken
// while another is held: the common case, one lock at a time, costs a
// thread-local check.
#include <simkernel/held_locks.hpp>
#include <simkernel/kapi.h>
#include <simkernel/kernel.hpp>
#include <simkernel/lockdep.hpp>
#include <simkernel/oops.hpp>
#include <simkernel/timers.hpp>
#include <simkernel/softirq.hpp>

#include <fmt/format.h>

#include <execinfo.h>

#include <algorithm>
#include <deque>
#include <map>
#include <mutex>
#include <set>
#include <unordered_map>
#include <vector>
#include <simkernel/export.hpp>

namespace sk {

std::atomic<int> prove_locking{1};

namespace {

constexpr int kTraceDepth = 24;

struct Trace {
    void* frames[kTraceDepth];
    int n = 0;
    uintptr_t ip = 0;  // the lock call: printing starts at this frame
};

Trace capture(uintptr_t ip) {
    Trace t;
    t.n = backtrace(t.frames, kTraceDepth);
    t.ip = ip;
    return t;
}

struct LockClass {
    const void* key;
    std::string name;
    LockKind kind;
};

// "B was taken while A was held": where B was taken, and by whom.
struct Dependency {
    const void* to;
    Trace trace;
    std::string task;
};

struct Graph {
    std::mutex mutex;
    std::unordered_map<const void*, LockClass> classes;
    std::unordered_map<const void*, std::vector<Dependency>> after;  // edges out of each class
    std::set<std::pair<const void*, const void*>> edges;
    std::set<std::pair<const void*, const void*>> reported;          // once per pair (or class, twice)
    size_t nedges = 0;
};

Graph& graph() {
    static Graph* g = new Graph;  // never destroyed: locks are taken until the process ends
    return *g;
}

thread_local int hardirq_depth = 0;

// Locks reported as held on return to user space: forgotten by the checks
// (this thread goes on running the shell, and the module that named them
// may be unloaded), so that unlocking one later is not a second report.
thread_local std::vector<const void*> forgotten;

std::string task_name() {
    Task* t = current_task();
    return t ? fmt::format("{}/{}", t->comm, t->pid) : "swapper/0";
}

void say(const std::string& line) { printk(KERN_WARNING "%s\n", line.c_str()); }

// A report reaches the console whole, as on a Linux console at its default
// level (simkernel's console is quieter): the level goes back afterwards.
class ReportToConsole {
public:
    ReportToConsole() : log_(kernel().log), saved_(log_.console_loglevel()) {
        if (saved_ < 8) log_.set_console_loglevel(8);
    }
    ~ReportToConsole() { log_.set_console_loglevel(saved_); }
    ReportToConsole(const ReportToConsole&) = delete;
    ReportToConsole& operator=(const ReportToConsole&) = delete;

private:
    LogBuffer& log_;
    int saved_;
};

// Linux's usage and wait-type columns, constant per kind here:
// {+.+.}-{3:3} a sleeping lock, {....}-{2:2} a spinning one.
const char* usage(LockKind kind) { return lock_kind_sleeps(kind) ? "{+.+.}-{3:3}" : "{....}-{2:2}"; }

std::string describe(const HeldLock& h) {
    return fmt::format("{:016x} ({}){}, at: {}", reinterpret_cast<uintptr_t>(h.lock), h.name ? h.name : "?",
                       usage(h.kind), format_symbol(h.ip));
}

std::string class_label(const LockClass& c) { return fmt::format("({}){}", c.name, usage(c.kind)); }

void print_release_line() {
    Kernel& k = kernel();
    say(fmt::format("{} {} {}", kernel_release(), "#1", print_tainted(k.tainted())));
}

void print_held(const char* indent_none = "") {
    int depth = held_lock_depth();
    HeldLock* locks = held_lock_stack();
    if (!depth) {
        say(fmt::format("{}no locks held by {}.", indent_none, task_name()));
        return;
    }
    say(fmt::format("{} lock{} held by {}:", depth, depth == 1 ? "" : "s", task_name()));
    for (int i = 0; i < depth; ++i) say(fmt::format(" #{}: {}", i, describe(locks[i])));
}

void print_trace(const Trace& t) {
    int first = 0;
    while (first < t.n && reinterpret_cast<uintptr_t>(t.frames[first]) != t.ip) ++first;
    if (first == t.n) first = 0;
    for (const std::string& line : symbolized_frames(t.frames + first, t.n - first))
        say("       " + line);
}

void stack_backtrace(uintptr_t ip) {
    say("");
    say("stack backtrace:");
    dump_stack_from(ip, KERN_WARNING);
}

bool first_report(const void* a, const void* b) {
    Graph& g = graph();
    std::lock_guard lock(g.mutex);
    return g.reported.insert({a, b}).second;
}

void taint_warn() { kernel().add_taint(TAINT_WARN); }

// might_sleep reports once per function (wait_event both prepares to wait
// and sleeps: one report).
bool first_sleep_report(uintptr_t caller) {
    CodeSymbol s;
    std::string site = symbolize(caller, &s) ? s.module + ":" + s.name : std::to_string(caller);
    static std::mutex mutex;
    static std::set<std::pair<Kernel*, std::string>> said;
    std::lock_guard lock(mutex);
    return said.insert({&kernel(), site}).second;
}

// A path from `from` to `to` in the graph: the dependencies, in order.
bool find_path(Graph& g, const void* from, const void* to, std::vector<const Dependency*>* path) {
    std::unordered_map<const void*, const Dependency*> via;  // how each class was reached
    std::deque<const void*> queue{from};
    via[from] = nullptr;
    while (!queue.empty()) {
        const void* c = queue.front();
        queue.pop_front();
        if (c == to) {
            for (const void* at = to; via[at]; ) {
                const Dependency* d = via[at];
                path->insert(path->begin(), d);
                // The class that d leaves from: search the edges for it.
                const void* prev = nullptr;
                for (const auto& [k, deps] : g.after)
                    for (const Dependency& x : deps)
                        if (&x == d) prev = k;
                at = prev;
            }
            return true;
        }
        auto it = g.after.find(c);
        if (it == g.after.end()) continue;
        for (const Dependency& d : it->second)
            if (!via.count(d.to)) {
                via[d.to] = &d;
                queue.push_back(d.to);
            }
    }
    return false;
}

struct CircularReport {
    HeldLock held;          // the lock held now
    HeldLock next;          // the one being taken
    std::vector<std::pair<LockClass, Dependency>> chain;  // next -> ... -> held, as recorded
    LockClass held_class, next_class;
    Trace now;
};

void print_circular(const CircularReport& r) {
    ReportToConsole console;
    say("");
    say("======================================================");
    say("WARNING: possible circular locking dependency detected");
    print_release_line();
    say("------------------------------------------------------");
    say(fmt::format("{} is trying to acquire lock:", task_name()));
    say(describe(r.next));
    say("");
    say("but task is already holding lock:");
    say(describe(r.held));
    say("");
    say("which lock already depends on the new lock.");
    say("");
    say("");
    say("the existing dependency chain (in reverse order) is:");
    // Reverse order: the newest dependency first, down to #0, the one
    // being added now (held -> next).
    int n = static_cast<int>(r.chain.size());
    for (int i = n - 1; i >= 0; --i) {
        say("");
        say(fmt::format("-> #{} {}:", i + 1, class_label(r.chain[i].first)));
        say(fmt::format("       (taken by {})", r.chain[i].second.task));
        print_trace(r.chain[i].second.trace);
    }
    say("");
    say(fmt::format("-> #0 {}:", class_label(r.next_class)));
    print_trace(r.now);
    say("");
    say("other info that might help us debug this:");
    say("");
    say(" Possible unsafe locking scenario:");
    say("");
    say("       CPU0                    CPU1");
    say("       ----                    ----");
    say(fmt::format("  lock({});", r.held_class.name));
    say(fmt::format("                               lock({});", r.next_class.name));
    say(fmt::format("                               lock({});", r.held_class.name));
    say(fmt::format("  lock({});", r.next_class.name));
    say("");
    say(" *** DEADLOCK ***");
    say("");
    print_held();
    stack_backtrace(r.now.ip);
    say(fmt::format("simkernel: {} takes {} while holding {}, but {} was taken while holding {} before (the chain "
                    "above): two tasks doing both at once would wait for each other forever. Take the locks in "
                    "one order everywhere",
                    task_name(), r.next_class.name, r.held_class.name, r.held_class.name, r.next_class.name));
    taint_warn();
}

void print_recursive(const HeldLock& held, const HeldLock& next, uintptr_t ip) {
    ReportToConsole console;
    say("");
    say("============================================");
    say("WARNING: possible recursive locking detected");
    print_release_line();
    say("--------------------------------------------");
    say(fmt::format("{} is trying to acquire lock:", task_name()));
    say(describe(next));
    say("");
    say("but task is already holding lock:");
    say(describe(held));
    say("");
    say("other info that might help us debug this:");
    say(" Possible unsafe locking scenario:");
    say("");
    say("       CPU0");
    say("       ----");
    say(fmt::format("  lock({});", held.name ? held.name : "?"));
    say(fmt::format("  lock({});", next.name ? next.name : "?"));
    say("");
    say(" *** DEADLOCK ***");
    say("");
    say(" May be due to missing lock nesting notation");
    say("");
    print_held();
    stack_backtrace(ip);
    if (held.lock == next.lock)
        say(fmt::format("simkernel: {} takes {} a second time while holding it: it waits for itself forever",
                        task_name(), next.name ? next.name : "?"));
    else
        say(fmt::format("simkernel: two locks of one class ({}, initialised at one place) are held at once: "
                        "if another task takes them in the other order, both wait forever. Linux's "
                        "spin_lock_nested/mutex_lock_nested say the nesting is on purpose",
                        next.name ? next.name : "?"));
    taint_warn();
}

bool reads_only(LockKind a, LockKind b) {
    auto is_read = [](LockKind k) { return k == LockKind::ReadLock || k == LockKind::RwsemRead; };
    return is_read(a) && is_read(b);
}

// Checks the new lock against each lock held; adds the orders it makes.
void check_and_add(const HeldLock& next, const Trace* now_in) {
    int depth = held_lock_depth();
    HeldLock* held = held_lock_stack();
    // Recursion: a class held already (two readers of an rwlock may nest).
    for (int i = 0; i < depth; ++i)
        if (held[i].key == next.key && !reads_only(held[i].kind, next.kind)) {
            if (first_report(next.key, next.key)) print_recursive(held[i], next, next.ip);
            return;
        }
    Graph& g = graph();
    std::vector<CircularReport> reports;
    {
        std::lock_guard lock(g.mutex);
        auto add_class = [&](const HeldLock& h) {
            g.classes.try_emplace(h.key, LockClass{h.key, h.name ? h.name : "?", h.kind});
        };
        add_class(next);
        Trace now = now_in ? *now_in : Trace{};
        bool captured = now_in != nullptr;
        for (int i = 0; i < depth; ++i) {
            const HeldLock& h = held[i];
            if (h.trylock) continue;
            if (g.edges.count({h.key, next.key})) continue;
            add_class(h);
            if (!captured) {
                now = capture(next.ip);
                captured = true;
            }
            std::vector<const Dependency*> path;
            if (find_path(g, next.key, h.key, &path)) {
                if (!g.reported.insert({h.key, next.key}).second) continue;
                CircularReport r{h, next, {}, g.classes.at(h.key), g.classes.at(next.key), now};
                for (const Dependency* d : path) r.chain.emplace_back(g.classes.at(d->to), *d);
                reports.push_back(std::move(r));
                continue;
            }
            g.edges.insert({h.key, next.key});
            g.after[h.key].push_back({next.key, now, task_name()});
            ++g.nedges;
        }
    }
    for (const CircularReport& r : reports) print_circular(r);
}

unsigned long unreliable_taints() {
    return (1UL << TAINT_PROPRIETARY_MODULE) | (1UL << TAINT_FORCED_MODULE) | (1UL << TAINT_FORCED_RMMOD) |
           (1UL << TAINT_DIE) | (1UL << TAINT_BAD_PAGE);
}

}  // namespace

bool lockdep_enabled() {
    if (!prove_locking.load(std::memory_order_relaxed)) return false;
    Kernel* k = kernel_if_running();
    return k && !(k->tainted() & unreliable_taints());
}

void lock_acquire(const void* lock, const void* key, const char* name, LockKind kind, uintptr_t ip, bool trylock) {
    // Where Linux 6.1's might_sleep() for each sleeping lock is.
    if (kind == LockKind::Mutex && !trylock) might_sleep_at("kernel/locking/mutex.c", 580, ip);
    if ((kind == LockKind::RwsemRead || kind == LockKind::RwsemWrite) && !trylock)
        might_sleep_at("kernel/locking/rwsem.c", 1520, ip);
    HeldLock next{lock, name, kind, ip, key ? key : lock, trylock, false};
    if (!trylock && held_lock_depth() && lockdep_enabled()) check_and_add(next, nullptr);
    lock_acquired(lock, name, kind, ip, key, trylock);
}

void lock_release(const void* lock, uintptr_t ip) {
    if (lock_released(lock)) return;
    if (auto it = std::find(forgotten.begin(), forgotten.end(), lock); it != forgotten.end()) {
        forgotten.erase(it);
        return;
    }
    if (!lockdep_enabled()) return;
    if (!first_report(lock, "unlock")) return;
    ReportToConsole console;
    say("");
    say("=====================================");
    say("WARNING: bad unlock balance detected!");
    print_release_line();
    say("-------------------------------------");
    say(fmt::format("{} is trying to release lock ({:016x}) at:", task_name(), reinterpret_cast<uintptr_t>(lock)));
    say(fmt::format("[<{:016x}>] {}", ip, format_symbol(ip)));
    say("but there are no more locks to release!");
    say("");
    say("other info that might help us debug this:");
    print_held();
    stack_backtrace(ip);
    say(fmt::format("simkernel: {} unlocks a lock it does not hold: unlocked twice, or on an error path that "
                    "never took it, or taken by another task",
                    format_symbol(ip)));
    taint_warn();
}

void lockdep_report_held_at_exit() {
    int depth = held_lock_depth();
    auto forget = [&] {
        for (int i = 0; i < held_lock_depth(); ++i) forgotten.push_back(held_lock_stack()[i].lock);
        while (held_lock_depth()) lock_released(held_lock_stack()[0].lock);
    };
    if (!lockdep_enabled()) return forget();
    ReportToConsole console;
    say("");
    say("================================================");
    say("WARNING: lock held when returning to user space!");
    print_release_line();
    say("------------------------------------------------");
    say(fmt::format("{} is leaving the kernel with locks still held!", task_name()));
    print_held();
    say(fmt::format("simkernel: a system call must release every lock it takes before it returns; {} stay{} "
                    "locked, and the next task to take {} waits until this one unlocks {}",
                    depth == 1 ? "this lock" : "these locks", depth == 1 ? "s" : "", depth == 1 ? "it" : "one",
                    depth == 1 ? "it" : "them"));
    forget();
    taint_warn();
}

void lockdep_check_exit() {
    if (!held_lock_depth()) return;
    if (lockdep_enabled()) {
        ReportToConsole console;
        say("");
        say("=====================================");
        say(fmt::format("WARNING: {} still has locks held!", task_name()));
        print_release_line();
        say("-------------------------------------");
        print_held();
        say("simkernel: the thread ended holding these locks: they stay locked, and whoever takes one next "
            "waits forever (as on Linux)");
        taint_warn();
    }
    orphan_held_locks();
}

HardirqScope::HardirqScope() { ++hardirq_depth; }
HardirqScope::~HardirqScope() { --hardirq_depth; }
bool (in_hardirq)() { return hardirq_depth > 0; }

void might_sleep_at(const char* file, int line, uintptr_t caller) {
    bool irq = (in_hardirq)(), softirq = in_timer_callback();
    int depth = held_lock_depth();
    int spinning = 0;
    HeldLock* locks = held_lock_stack();
    for (int i = 0; i < depth; ++i) spinning += !lock_kind_sleeps(locks[i].kind);
    if (!irq && !softirq && !spinning) return;
    if (!prove_locking.load(std::memory_order_relaxed) || !kernel_if_running()) return;
    if (!first_sleep_report(caller)) return;  // once per function
    ReportToConsole console;
    Task* t = current_task();
    int preempt = spinning + (softirq ? 0x100 : 0) + (irq ? 0x10000 : 0);
    printk(KERN_ERR "BUG: sleeping function called from invalid context at %s:%d\n", file, line);
    printk(KERN_ERR "in_atomic(): 1, irqs_disabled(): %d, non_block: 0, pid: %d, name: %s\n", irq ? 1 : 0,
           t ? t->pid : 0, t ? t->comm.c_str() : "swapper/0");
    printk(KERN_ERR "preempt_count: %x, expected: 0\n", preempt);
    printk(KERN_ERR "RCU nest depth: 0, expected: 0\n");
    print_held();
    dump_stack_from(caller, KERN_ERR);
    const char* where = irq ? "an interrupt handler" : softirq ? softirq_what() : "code holding a spinlock";
    say(fmt::format("simkernel: {} may sleep, and {} must not: {}", format_symbol(caller), where,
                    irq || softirq ? "defer the work to a work queue (schedule_work), or use GFP_ATOMIC"
                                   : "release the spinlock first, use a mutex instead, or GFP_ATOMIC for kmalloc"));
    taint_warn();
}

size_t lockdep_class_count() {
    Graph& g = graph();
    std::lock_guard lock(g.mutex);
    return g.classes.size();
}

size_t lockdep_dependency_count() {
    Graph& g = graph();
    std::lock_guard lock(g.mutex);
    return g.nedges;
}

void lockdep_reset() {
    Graph& g = graph();
    std::lock_guard lock(g.mutex);
    g.classes.clear();
    g.after.clear();
    g.edges.clear();
    g.reported.clear();
    g.nedges = 0;
}

void lockdep_free_key_range(uintptr_t start, size_t size) {
    auto inside = [&](const void* key) {
        auto a = reinterpret_cast<uintptr_t>(key);
        return a >= start && a - start < size;
    };
    Graph& g = graph();
    std::lock_guard lock(g.mutex);
    std::erase_if(g.classes, [&](const auto& kv) { return inside(kv.first); });
    std::erase_if(g.after, [&](const auto& kv) { return inside(kv.first); });
    for (auto& [from, deps] : g.after) std::erase_if(deps, [&](const Dependency& d) { return inside(d.to); });
    std::erase_if(g.edges, [&](const auto& e) { return inside(e.first) || inside(e.second); });
    std::erase_if(g.reported, [&](const auto& e) { return inside(e.first) || inside(e.second); });
    g.nedges = g.edges.size();
}

}  // namespace sk

// ---- the module API: <linux/spinlock.h>, <linux/rwlock.h> ----

extern "C" void __sk_lock_acquire(const void* lock, const void* key, const char* name, int kind, int trylock) {
    sk::lock_acquire(lock, key, name, static_cast<sk::LockKind>(kind),
                     reinterpret_cast<uintptr_t>(__builtin_return_address(0)), trylock != 0);
}
EXPORT_SYMBOL(__sk_lock_acquire);

extern "C" void __sk_lock_release(const void* lock) {
    sk::lock_release(lock, reinterpret_cast<uintptr_t>(__builtin_return_address(0)));
}
EXPORT_SYMBOL(__sk_lock_release);

// CONFIG_DEBUG_SPINLOCK's check: a spinlock never initialised (kmalloc'ed
// memory reads 0x6b..., kzalloc'ed 0). Linux goes on with the garbage and
// usually hangs; simkernel initialises the lock and goes on.
extern "C" void __sk_spin_check_magic(void* lock, unsigned int magic, const char* name) {
    auto ip = reinterpret_cast<uintptr_t>(__builtin_return_address(0));
    auto* l = static_cast<spinlock_t*>(lock);
    l->magic = SPINLOCK_MAGIC;
    l->key = nullptr;
    l->name = nullptr;
    __atomic_store_n(&l->locked, 0, __ATOMIC_RELEASE);
    if (!sk::first_report(lock, "magic")) return;
    sk::Task* t = sk::current_task();
    printk(KERN_EMERG "BUG: spinlock bad magic on CPU#0, %s/%d\n", t ? t->comm.c_str() : "swapper/0", t ? t->pid : 0);
    printk(KERN_EMERG " lock: %s, .magic: %08x, .owner: <none>/-1, .owner_cpu: -1\n", name, magic);
    sk::dump_stack_from(ip, KERN_EMERG);
    printk(KERN_EMERG "simkernel: %s was never initialised: call spin_lock_init() (or use DEFINE_SPINLOCK) "
                      "before the first spin_lock; the kernel initialised it now\n", name);
    sk::kernel().add_taint(sk::TAINT_WARN);
}
EXPORT_SYMBOL(__sk_spin_check_magic);
