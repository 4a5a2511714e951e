// fault_inject.hpp - making allocations and registrations fail on purpose,
// to test a module's error paths (lib/fault-inject.c, mm/failslab.c,
// Documentation/fault-injection/fault-injection.rst).
//
// Two ways, as on Linux:
//   - per task: write N to /proc/self/fail-nth (or /proc/<pid>/fail-nth),
//     and the task's N-th fallible call fails; reading it back gives 0 once
//     that happened, or the calls still to go;
//   - for everyone: failslab's knobs (probability in percent, interval,
//     times, verbose, space), a struct fault_attr.
// The fallible calls are every kmalloc a module makes, and the
// registrations a module's init makes (register_chrdev_region,
// alloc_chrdev_region, register_chrdev, cdev_add, class_create,
// device_create, proc_create, proc_mkdir, request_irq, kthread_create,
// alloc_workqueue, misc_register), each failing as Linux's does when its
// own allocation fails (-ENOMEM, NULL or ERR_PTR(-ENOMEM)).
#pragma once

#include <sys/types.h>

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <string>

namespace sk {

// Linux's struct fault_attr (the knobs of /sys/kernel/debug/failslab/).
struct FaultAttr {
    std::atomic<unsigned long> probability{0};  // percent of calls that fail
    std::atomic<unsigned long> interval{1};     // only every interval-th call may fail
    std::atomic<long> times{1};                 // failures left; -1: no limit
    std::atomic<long> space{0};                 // bytes allowed before failing
    std::atomic<unsigned long> verbose{2};      // 0 silent, 1 a line, 2 and a call trace
    std::atomic<unsigned long> count{0};        // calls seen (for interval)
};
FaultAttr& failslab();

// One knob of failslab, by its Linux file name ("probability", ...): read
// as text, or set (0, or -EINVAL). The seam debugfs registers.
struct FaultKnob {
    const char* name;
    std::string (*show)();
    int (*store)(const std::string& text);
};
const FaultKnob* failslab_knobs(size_t* count);
// At boot: the knobs as files of /sys/kernel/debug/failslab/, as on Linux.
void failslab_debugfs_init();

// A fallible call: true if it must fail now. what names the API for the
// report ("kmalloc", "cdev_add"); size is the bytes asked for (failslab's
// space), 0 for a registration; caller the call site.
bool should_fail(const char* what, size_t size, uintptr_t caller);
inline bool should_failslab(size_t size, uintptr_t caller) { return should_fail("kmalloc", size, caller); }

// /proc/<pid>/fail-nth: the task's counter (0: none armed, or it fired).
int fail_nth_get(pid_t pid);
int fail_nth_set(pid_t pid, const std::string& text);  // 0 or -EINVAL; writing 0 disarms

}  // namespace sk
