// module_calls.hpp - calls from the VFS into a module's code, counted, so
// that rmmod -f cannot unmap code a task is running or sleeping in.
//
// Linux has no such thing: its rmmod -f (CONFIG_MODULE_FORCE_UNLOAD) frees
// the module under whoever is inside it, and the kernel crashes when that
// task wakes. Here every file operation that enters a module passes a
// ModuleCall; a forced removal then
//   1. closes the module: no new call enters (it fails with ENODEV),
//   2. interrupts every task inside it (signal_pending() turns true, so an
//      interruptible sleep ends with -ERESTARTSYS: the call returns EINTR),
//   3. waits a little for them to leave, then runs cleanup_module,
//   4. unmaps the code only once the last task has left it.
// See docs/security.md.
#pragma once

#include <chrono>
#include <cstddef>

namespace sk {

struct Module;

// A call into m's code from the current task (m == nullptr: built-in code,
// nothing to count). False (and nothing counted) if rmmod -f closed m.
bool module_call_enter(Module* m);
void module_call_leave(Module* m);

class ModuleCall {
public:
    // Built-in code (m == nullptr) costs a test, not a call: the read path
    // of /dev/zero stays as fast as it was.
    explicit ModuleCall(Module* m) : m_(m), entered_(!m || module_call_enter(m)) {}
    ~ModuleCall() {
        if (m_ && entered_) module_call_leave(m_);
    }
    ModuleCall(const ModuleCall&) = delete;
    ModuleCall& operator=(const ModuleCall&) = delete;
    explicit operator bool() const { return entered_; }  // false: fail with ENODEV

private:
    Module* m_;
    bool entered_;
};

// True once rmmod -f has closed m.
bool module_closed(const Module* m);

// rmmod -f, step 1: closes m; returns how many calls are in progress.
size_t module_calls_close(Module& m);
// Step 2 (once its files are detached, so that the woken tasks find them
// so): interrupts the tasks inside m.
void module_calls_interrupt(Module& m);
// Step 3: waits up to `limit` for them to leave; returns how many remain.
size_t module_calls_drain(Module& m, std::chrono::milliseconds limit);
// Step 4: unmaps m's code now if no call is inside it (true), or lets the
// last call to leave unmap it (false).
bool module_unmap_when_idle(Module& m);

}  // namespace sk
