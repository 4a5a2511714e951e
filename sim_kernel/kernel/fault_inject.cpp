// fault_inject.cpp - should_fail() and failslab (lib/fault-inject.c,
// mm/failslab.c), with the per-task fail-nth of kernel/fault-inject.c's
// /proc/<pid>/fail-nth.
//
// When a call is made to fail, the log says so as Linux's fail_dump() does
// (with verbose 1 or 2):
//
//   FAULT_INJECTION: forcing a failure.
//   name failslab, interval 1, probability 0, space 0, times 1
//   CPU: 0 PID: 9 Comm: insmod ...        (verbose 2: the call trace)
//
// and always, at KERN_DEBUG, which call it was, in a line the failtest
// command reads: "failslab: failed cdev_add in my_init+0x5a/0x120 [mod]".
#include <simkernel/fault_inject.hpp>
#include <simkernel/kapi.h>
#include <simkernel/kernel.hpp>
#include <simkernel/oops.hpp>

#include <fmt/format.h>

#include <linux/debugfs.h>
#include <linux/fs.h>
#include <linux/uaccess.h>

#include <sys/random.h>

#include <mutex>
#include <unordered_map>

namespace sk {

namespace {

struct FailNth {
    std::mutex mutex;
    std::unordered_map<pid_t, int> armed;  // pid -> calls to go (0 once fired)
    std::atomic<int> any{0};               // tasks armed: the fast path reads only this
};

FailNth& fail_nth() {
    static FailNth* f = new FailNth;  // outlives every kernel in the process
    return *f;
}

// The task's own counter: true if this call is its N-th.
bool fail_nth_fires(bool* armed) {
    *armed = false;
    FailNth& f = fail_nth();
    if (!f.any.load(std::memory_order_relaxed)) return false;
    Task* t = current_task();
    if (!t) return false;
    std::lock_guard lock(f.mutex);
    auto it = f.armed.find(t->pid);
    if (it == f.armed.end() || it->second == 0) return false;
    *armed = true;
    return --it->second == 0;
}

unsigned long random_percent() {
    unsigned int r = 0;
    if (getrandom(&r, sizeof r, 0) != sizeof r) return 100;
    return r % 100;
}

// failslab's own decision (should_fail_ex's checks, in Linux's order).
bool attr_fires(FaultAttr& a, size_t size) {
    if (a.times.load() == 0) return false;
    if (long space = a.space.load(); space > static_cast<long>(size)) {
        a.space.fetch_sub(static_cast<long>(size));
        return false;
    }
    unsigned long interval = a.interval.load();
    if (interval > 1 && (a.count.fetch_add(1) + 1) % interval) return false;
    if (a.probability.load() <= random_percent()) return false;
    return true;
}

void fail_dump(FaultAttr& a, const char* what, uintptr_t caller) {
    unsigned long verbose = a.verbose.load();
    if (verbose >= 1) {
        printk(KERN_NOTICE "FAULT_INJECTION: forcing a failure.\n");
        printk(KERN_NOTICE "name failslab, interval %lu, probability %lu, space %ld, times %ld\n",
               a.interval.load(), a.probability.load(), a.space.load(), a.times.load());
        if (verbose >= 2) dump_stack_from(caller, KERN_NOTICE);
    }
    printk(KERN_DEBUG "failslab: failed %s in %s\n", what, format_symbol(caller).c_str());
}

std::string show_ul(const std::atomic<unsigned long>& v) { return fmt::format("{}\n", v.load()); }
std::string show_l(const std::atomic<long>& v) { return fmt::format("{}\n", v.load()); }

template <class T>
int store_number(std::atomic<T>& v, const std::string& text, long long lo, long long hi) {
    long long n = 0;
    if (kstrtoll(text.c_str(), 0, &n) || n < lo || n > hi) return -EINVAL;
    v.store(static_cast<T>(n));
    return 0;
}

// The knobs, as Linux's fault_create_debugfs_attr() names them.
const FaultKnob kKnobs[] = {
    {"probability", [] { return show_ul(failslab().probability); },
     [](const std::string& t) { return store_number(failslab().probability, t, 0, 100); }},
    {"interval", [] { return show_ul(failslab().interval); },
     [](const std::string& t) { return store_number(failslab().interval, t, 1, 1LL << 40); }},
    {"times", [] { return show_l(failslab().times); },
     [](const std::string& t) { return store_number(failslab().times, t, -1, 1LL << 40); }},
    {"space", [] { return show_l(failslab().space); },
     [](const std::string& t) { return store_number(failslab().space, t, 0, 1LL << 40); }},
    {"verbose", [] { return show_ul(failslab().verbose); },
     [](const std::string& t) { return store_number(failslab().verbose, t, 0, 2); }},
};

}  // namespace

FaultAttr& failslab() {
    static FaultAttr* a = new FaultAttr;
    return *a;
}

const FaultKnob* failslab_knobs(size_t* count) {
    *count = std::size(kKnobs);
    return kKnobs;
}

namespace {

// /sys/kernel/debug/failslab/<knob>: the knob is the file's i_private.
ssize_t knob_read(struct file* f, char __user* buf, size_t count, loff_t* pos) {
    std::string text = static_cast<const FaultKnob*>(f->private_data)->show();
    return simple_read_from_buffer(buf, count, pos, text.data(), text.size());
}

ssize_t knob_write(struct file* f, const char __user* buf, size_t count, loff_t*) {
    std::string text(std::min<size_t>(count, 32), '\0');
    if (copy_from_user(text.data(), buf, text.size())) return -EFAULT;
    int err = static_cast<const FaultKnob*>(f->private_data)->store(text);
    return err ? err : static_cast<ssize_t>(count);
}

const struct file_operations knob_fops = {
    .owner = nullptr,
    .llseek = default_llseek,
    .read = knob_read,
    .write = knob_write,
    .open = simple_open,
};

}  // namespace

void failslab_debugfs_init() {
    struct dentry* dir = debugfs_create_dir("failslab", nullptr);
    size_t n = 0;
    const FaultKnob* knobs = failslab_knobs(&n);
    for (size_t i = 0; i < n; ++i)  // 0600, as fault_create_debugfs_attr makes them
        debugfs_create_file(knobs[i].name, 0600, dir, const_cast<FaultKnob*>(&knobs[i]), &knob_fops);
}

bool should_fail(const char* what, size_t size, uintptr_t caller) {
    FaultAttr& a = failslab();
    bool armed = false;
    bool fire = fail_nth_fires(&armed);
    // A task with fail-nth armed fails only its N-th call (Linux: fail_nth
    // takes precedence over the attribute's own settings).
    if (!fire && (armed || a.probability.load(std::memory_order_relaxed) == 0)) return false;
    if (!fire && !attr_fires(a, size)) return false;
    fail_dump(a, what, caller);  // then times goes down, as Linux's should_fail_ex
    if (!armed) {
        long times = a.times.load();
        if (times > 0) a.times.fetch_sub(1);
    }
    return true;
}

int fail_nth_get(pid_t pid) {
    FailNth& f = fail_nth();
    std::lock_guard lock(f.mutex);
    auto it = f.armed.find(pid);
    return it == f.armed.end() ? 0 : it->second;
}

int fail_nth_set(pid_t pid, const std::string& text) {
    int n = 0;
    if (kstrtoint(text.c_str(), 0, &n) || n < 0) return -EINVAL;
    FailNth& f = fail_nth();
    std::lock_guard lock(f.mutex);
    if (n == 0) f.armed.erase(pid);
    else f.armed[pid] = n;
    f.any.store(static_cast<int>(f.armed.size()), std::memory_order_relaxed);
    return 0;
}

}  // namespace sk
